import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { AdminOrder, OrderEvent, OrderRow } from '../../domain/admin-api.js';
import { canMove, type FulfilmentState, type PaymentState } from '../../domain/fulfilment.js';
import type { OrderRequest, PlacedOrder } from '../../domain/order.js';
import type { Quote } from '../../domain/quote.js';
import type { OrderEffects } from '../orders/effects.js';
import { appendAudit } from './audit-store.js';
import type { Backend } from './data-layer.js';
import { trackingOf } from './order-store.js';
import type { OrdersTable, Tables } from './tables.js';
import type { Db } from './transaction.js';

/** What the back office filters orders by; every value has been validated (admin/order-query.ts). */
export interface OrderFilter {
  /** Lower-cased search text: order number prefix, e-mail or name contains. */
  q?: string;
  state?: FulfilmentState;
  /** Placed at or after this instant (ISO, UTC). */
  from?: string;
  /** Placed before this instant (ISO, UTC). */
  before?: string;
}

/** Where the previous page ended: newest first by placed_at, then id. */
export interface Cursor {
  placedAt: string;
  id: string;
}

/** `%`, `_` and `\` match themselves in LIKE patterns built from a search. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function matches(filter: OrderFilter) {
  return (eb: ExpressionBuilder<Tables, 'orders'>) => {
    const all = [];
    if (filter.q) {
      const contains = `%${likeEscape(filter.q)}%`;
      const prefix = `${likeEscape(filter.q.toUpperCase())}%`;
      all.push(
        eb.or([
          sql<SqlBool>`id like ${prefix} escape '\\'`,
          sql<SqlBool>`lower(email) like ${contains} escape '\\'`,
          sql<SqlBool>`name_folded like ${contains} escape '\\'`,
        ]),
      );
    }
    if (filter.state) all.push(eb('state', '=', filter.state));
    if (filter.from) all.push(eb('placed_at', '>=', filter.from));
    if (filter.before) all.push(eb('placed_at', '<', filter.before));
    return eb.and(all);
  };
}

const rowColumns = [
  'id',
  'placed_at',
  'state',
  'payment_state',
  'name',
  'email',
  'total_cents',
  'request_json',
] as const;

function toRow(
  r: Pick<OrdersTable, 'id' | 'placed_at' | 'state' | 'payment_state' | 'email' | 'total_cents' | 'request_json'> & {
    name: string;
  },
): OrderRow {
  const request = JSON.parse(r.request_json) as OrderRequest;
  return {
    id: r.id,
    placedAt: r.placed_at,
    state: r.state as FulfilmentState,
    paymentState: r.payment_state,
    name: r.name,
    email: r.email,
    total: r.total_cents,
    items: request.cart.lines.reduce((sum, line) => sum + line.quantity, 0),
  };
}

/** One page of orders, newest first, and the cursor for the next page (null on the last). */
export async function listOrders(
  db: Db,
  filter: OrderFilter,
  page: { after?: Cursor; limit: number },
): Promise<{ orders: OrderRow[]; next: Cursor | null }> {
  let query = db
    .selectFrom('orders')
    .select(rowColumns)
    .where(matches(filter))
    .orderBy('placed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('placed_at', '<', after.placedAt),
        eb.and([eb('placed_at', '=', after.placedAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query.execute();
  const orders = rows.slice(0, page.limit).map(toRow);
  const last = orders.at(-1);
  return { orders, next: rows.length > page.limit && last ? { placedAt: last.placedAt, id: last.id } : null };
}

/** Every matching order, page by page: the CSV export streams through it. */
export async function* everyOrder(db: Db, filter: OrderFilter): AsyncGenerator<OrderRow[]> {
  let after: Cursor | undefined;
  for (;;) {
    const page = await listOrders(db, filter, { limit: 500, ...(after ? { after } : {}) });
    if (page.orders.length > 0) yield page.orders;
    if (!page.next) return;
    after = page.next;
  }
}

async function readOrder(db: Db, id: string, backend?: Backend) {
  let query = db.selectFrom('orders').selectAll().where('id', '=', id);
  if (backend === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

type StoredOrder = NonNullable<Awaited<ReturnType<typeof readOrder>>>;

function toAdminOrder(row: StoredOrder): AdminOrder {
  return {
    id: row.id,
    placedAt: row.placed_at,
    state: row.state as FulfilmentState,
    stateChangedAt: row.state_changed_at,
    version: row.version,
    payment: row.payment as OrderRequest['payment'],
    paymentState: row.payment_state,
    paidAt: row.paid_at,
    request: JSON.parse(row.request_json) as OrderRequest,
    quote: JSON.parse(row.quote_json) as Quote,
    tracking: trackingOf(row),
    cancellation: row.cancel_reason ? { reason: row.cancel_reason } : null,
  };
}

/** The order with everything staff need to ship it, and its timeline (placed first). */
export async function orderDetail(
  db: Db,
  id: string,
): Promise<{ order: AdminOrder; events: OrderEvent[] } | undefined> {
  const row = await readOrder(db, id);
  if (!row) return undefined;
  const stored = await db.selectFrom('order_events').selectAll().where('order_id', '=', id).orderBy('id').execute();
  const placed: OrderEvent = {
    at: row.placed_at,
    actor: row.email,
    action: 'placed',
    from: null,
    to: 'confirmed',
    details: {},
  };
  const events = stored.map((e): OrderEvent => ({
    at: e.at,
    actor: e.actor,
    action: e.action as OrderEvent['action'],
    from: e.from_state,
    to: e.to_state,
    details: JSON.parse(e.details_json) as Record<string, string>,
  }));
  return { order: toAdminOrder(row), events: [placed, ...events] };
}

export type ChangeOutcome =
  | { kind: 'changed' }
  | { kind: 'not-found' }
  | { kind: 'version-conflict'; version: number }
  | { kind: 'illegal-transition'; from: FulfilmentState };

interface Who {
  actor: string;
  address: string;
  at: string;
}

/**
 * Inside a transaction: one order moved to `to` if it is still at `version` and may move there; its
 * timeline entry, its audit entry and every registered effect (stock, mail) in the same transaction.
 * The UPDATE names the version it read, so of two staff changing one order at once only one wins,
 * on either backend (PostgreSQL re-checks the WHERE after the first commit; SQLite runs one writer).
 */
export async function changeState(
  trx: Db,
  backend: Backend,
  effects: Required<OrderEffects>,
  change: { id: string; to: FulfilmentState; version: number; details: Record<string, string> } & Who,
): Promise<ChangeOutcome> {
  const row = await readOrder(trx, change.id, backend);
  if (!row) return { kind: 'not-found' };
  if (row.version !== change.version) return { kind: 'version-conflict', version: row.version };
  const from = row.state as FulfilmentState;
  if (!canMove(from, change.to)) return { kind: 'illegal-transition', from };
  const updated = await trx
    .updateTable('orders')
    .set({
      state: change.to,
      version: row.version + 1,
      state_changed_at: change.at,
      ...(change.to === 'shipped'
        ? { carrier: change.details['carrier'] ?? null, tracking_number: change.details['trackingNumber'] ?? null }
        : {}),
      ...(change.to === 'cancelled' ? { cancel_reason: change.details['reason'] ?? null } : {}),
    })
    .where('id', '=', change.id)
    .where('version', '=', change.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return { kind: 'version-conflict', version: row.version };
  await trx
    .insertInto('order_events')
    .values({
      order_id: change.id,
      at: change.at,
      actor: change.actor,
      action: 'state',
      from_state: from,
      to_state: change.to,
      details_json: JSON.stringify(change.details),
    })
    .execute();
  await appendAudit(trx, {
    actor: change.actor,
    action: 'order-state',
    target: change.id,
    before: { state: from, version: row.version },
    after: { state: change.to, version: row.version + 1, ...change.details },
    address: change.address,
    at: change.at,
  });
  const order: PlacedOrder = {
    id: row.id,
    state: change.to,
    placedAt: row.placed_at,
    request: JSON.parse(row.request_json) as OrderRequest,
    quote: JSON.parse(row.quote_json) as Quote,
    stateChangedAt: change.at,
  };
  await effects.stateChanged(trx, { order, from, to: change.to, details: change.details });
  return { kind: 'changed' };
}

/** Inside a transaction: an invoice order marked paid (on `paidAt`) or open again, under the same lock. */
export async function changePayment(
  trx: Db,
  backend: Backend,
  change: { id: string; state: PaymentState; paidAt: string | null; version: number } & Who,
): Promise<ChangeOutcome | { kind: 'not-invoice' }> {
  const row = await readOrder(trx, change.id, backend);
  if (!row) return { kind: 'not-found' };
  if (row.version !== change.version) return { kind: 'version-conflict', version: row.version };
  if (row.payment_state === null) return { kind: 'not-invoice' };
  const paidAt = change.state === 'paid' ? change.paidAt : null;
  const updated = await trx
    .updateTable('orders')
    .set({ payment_state: change.state, paid_at: paidAt, version: row.version + 1 })
    .where('id', '=', change.id)
    .where('version', '=', change.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return { kind: 'version-conflict', version: row.version };
  const details = paidAt ? { paidAt } : {};
  await trx
    .insertInto('order_events')
    .values({
      order_id: change.id,
      at: change.at,
      actor: change.actor,
      action: 'payment',
      from_state: row.payment_state,
      to_state: change.state,
      details_json: JSON.stringify(details),
    })
    .execute();
  await appendAudit(trx, {
    actor: change.actor,
    action: 'order-payment',
    target: change.id,
    before: { paymentState: row.payment_state, paidAt: row.paid_at, version: row.version },
    after: { paymentState: change.state, paidAt, version: row.version + 1 },
    address: change.address,
    at: change.at,
  });
  return { kind: 'changed' };
}
