import type { OrderRequest, PlacedOrder } from '../../domain/order.js';
import { CARRIERS, tracking, type Carrier, type Tracking } from '../../domain/fulfilment.js';
import type { Quote } from '../../domain/quote.js';
import { sql } from 'kysely';
import { OrderRefusal, type OrderEffects } from '../orders/effects.js';
import type { DataLayer } from './data-layer.js';
import type { IdempotencyKeysTable } from './tables.js';
import type { Db } from './transaction.js';

/** Tracking as the shopper and staff see it, from the stored carrier and number. */
export function trackingOf(row: { carrier: string | null; tracking_number: string | null }): Tracking | null {
  if (!row.carrier || !row.tracking_number || !(row.carrier in CARRIERS)) return null;
  return tracking(row.carrier as Carrier, row.tracking_number);
}

/** A stored first answer, replayed as it was to every repeat of the same request. */
export interface StoredAnswer {
  status: number;
  body: string;
}

/** What became of one POST: a stored first answer replayed, a key still being worked on, or a new answer. */
export type Placement =
  | { kind: 'replayed'; sameRequest: boolean; answer: StoredAnswer }
  | { kind: 'running' }
  | { kind: 'answered'; answer: StoredAnswer; order?: PlacedOrder };

/** What the caller decides once the key is its own: the answer and, for a 201, the order to store. */
export type Decision = { answer: StoredAnswer; order?: PlacedOrder };

type KeyRow = Pick<IdempotencyKeysTable, 'request_hash' | 'locked_at' | 'response_status' | 'response_body'>;

/** An attempt that has held its key this long has died with its process; a repeat may take over. */
export const ABANDONED_AFTER_MS = 60_000;

function replay(row: KeyRow | undefined, requestHash: string): Placement | undefined {
  if (!row || row.response_status === null || row.response_body === null) return undefined;
  return {
    kind: 'replayed',
    sameRequest: row.request_hash === requestHash,
    answer: { status: row.response_status, body: row.response_body },
  };
}

const keyColumns = ['request_hash', 'locked_at', 'response_status', 'response_body'] as const;

/** Inside a write: the order row itself. Other repositories add their rows in the same transaction. */
export async function insertOrder(trx: Db, key: string, order: PlacedOrder): Promise<void> {
  const { firstName, lastName } = order.request.shippingAddress;
  const name = `${firstName} ${lastName}`;
  await trx
    .insertInto('orders')
    .values({
      state_changed_at: order.placedAt,
      payment_state: order.request.payment === 'invoice' ? 'open' : null,
      name,
      name_folded: name.toLowerCase(),
      id: order.id,
      idempotency_key: key,
      state: order.state,
      placed_at: order.placedAt,
      email: order.request.contact.email,
      payment: order.request.payment,
      total_cents: order.quote.total,
      request_json: JSON.stringify(order.request),
      quote_json: JSON.stringify(order.quote),
    })
    .execute();
}

/** Inside a write: the first answer for `key`, stored once (a later attempt cannot overwrite it). */
export async function storeAnswer(trx: Db, key: string, answer: StoredAnswer): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ response_status: answer.status, response_body: answer.body })
    .where('key', '=', key)
    .where('response_status', 'is', null)
    .execute();
}

/**
 * Orders and the idempotency keys that guard their creation, on either backend. Exactly-once rests
 * on the database, not on this process: the key's primary key decides who claims it, so the
 * guarantee holds across server processes and machines.
 */
export class OrderStore {
  readonly #data: DataLayer;
  readonly #effects: OrderEffects;

  constructor(data: DataLayer, effects: OrderEffects = {}) {
    this.#data = data;
    this.#effects = effects;
  }

  /**
   * Places one order attempt under its Idempotency-Key: `decide` (price it), then in one transaction
   * claim the key, store the order with its effects and the answer for the key — all or nothing, so a
   * crash or a failed commit leaves the key free for the retry and no half-stored order. On SQLite
   * the transaction is shared with the orders arriving at the same moment (group commit, one fsync);
   * the order is answered only after that commit. A repeat of an answered key is replayed without a
   * write. A key whose row exists unanswered belongs to an attempt elsewhere (a process that died
   * mid-way before this design, or an operator's tool): `running`, taken over after
   * ABANDONED_AFTER_MS. Concurrent repeats of one key queue on its row (PostgreSQL: the unique index;
   * SQLite: the single writer) and get the first answer. When an effect refuses the order
   * (`OrderRefusal`, e.g. out of stock), the refusal is stored as the key's answer instead.
   */
  async place(key: string, requestHash: string, decide: () => Promise<Decision>, now = Date.now()): Promise<Placement> {
    const stored = await this.#data.db
      .selectFrom('idempotency_keys')
      .select(keyColumns)
      .where('key', '=', key)
      .executeTakeFirst();
    const early = replay(stored, requestHash);
    if (early) return early;
    const backend = this.#data.backend;
    // Priced before the transaction: pricing may read the database itself (which catalog version is
    // served), and a transaction on SQLite holds the one connection, on PostgreSQL one of the pool's.
    // A decision made for a key that turns out to be taken is simply dropped.
    const { answer, order } = await decide();
    return this.#data.write(async (trx): Promise<Placement> => {
      const claimed = await trx
        .insertInto('idempotency_keys')
        .values({ key, request_hash: requestHash, locked_at: now, created_at: now })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) {
        // PostgreSQL: lock the row so two takeovers of a dead attempt cannot both win; SQLite's
        // BEGIN IMMEDIATE already serialises every writer.
        let query = trx.selectFrom('idempotency_keys').select(keyColumns).where('key', '=', key);
        if (backend === 'postgres') query = query.forUpdate();
        const row = await query.executeTakeFirstOrThrow();
        const meanwhile = replay(row, requestHash);
        if (meanwhile) return meanwhile;
        if (now - row.locked_at < ABANDONED_AFTER_MS) return { kind: 'running' };
        await trx
          .updateTable('idempotency_keys')
          .set({ request_hash: requestHash, locked_at: now })
          .where('key', '=', key)
          .execute();
      }
      if (!order) {
        await storeAnswer(trx, key, answer);
        return { kind: 'answered', answer };
      }
      await sql`savepoint order_and_effects`.execute(trx);
      try {
        await insertOrder(trx, key, order);
        await this.#effects.placed?.(trx, order);
        await sql`release order_and_effects`.execute(trx);
      } catch (error) {
        if (!(error instanceof OrderRefusal)) throw error;
        await sql`rollback to order_and_effects`.execute(trx);
        await sql`release order_and_effects`.execute(trx);
        const refusal = { status: error.status, body: JSON.stringify(error.body) };
        await storeAnswer(trx, key, refusal);
        return { kind: 'answered', answer: refusal };
      }
      await storeAnswer(trx, key, answer);
      return { kind: 'answered', answer, order };
    });
  }

  /** The order as stored, with its state, when that last changed and, once shipped, its tracking. */
  async order(id: string): Promise<PlacedOrder | undefined> {
    const row = await this.#data.db
      .selectFrom('orders')
      .select([
        'id',
        'state',
        'placed_at',
        'request_json',
        'quote_json',
        'state_changed_at',
        'carrier',
        'tracking_number',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      state: row.state as PlacedOrder['state'],
      placedAt: row.placed_at,
      request: JSON.parse(row.request_json) as OrderRequest,
      quote: JSON.parse(row.quote_json) as Quote,
      stateChangedAt: row.state_changed_at,
      tracking: trackingOf(row),
    };
  }

  async count(): Promise<number> {
    const row = await this.#data.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
