import { sql } from 'kysely';
import type { Backend } from '../data-layer.js';
import { strictOn } from '../schema-types.js';
import type { Db } from '../transaction.js';

const STATES = sql`state in ('confirmed', 'processing', 'shipped', 'delivered', 'cancelled')`;
const PAYMENT_STATES = sql`payment_state is null or payment_state in ('open', 'paid')`;

// Orders move on after they are placed: the state check widens to every fulfilment state, and each
// order gains an optimistic lock (`version`), the time its state last changed, its payment state
// (invoice orders), tracking, a cancellation reason and its name for searching. Every change is an
// order_events row: the order's timeline. Existing orders are kept, as `confirmed`.
export async function up(db: Db, backend: Backend): Promise<void> {
  if (backend === 'sqlite') await rebuildSqlite(db);
  else await alterPostgres(db);
  await db.schema.createIndex('orders_by_state').on('orders').columns(['state', 'placed_at']).execute();
  await fillNames(db);

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'integer', (c) =>
      backend === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('details_json', 'text', (c) => c.notNull())
    .$call(strictOn(backend))
    .execute();
  await db.schema.createIndex('order_events_by_order').on('order_events').columns(['order_id', 'id']).execute();
}

/** SQLite cannot change a CHECK in place: a new table, the rows copied over, the old one replaced. */
async function rebuildSqlite(db: Db): Promise<void> {
  await db.schema
    .createTable('orders_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull().check(STATES))
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('payment', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull().check(sql`total_cents >= 0`))
    .addColumn('request_json', 'text', (c) => c.notNull())
    .addColumn('quote_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('state_changed_at', 'text', (c) => c.notNull())
    .addColumn('payment_state', 'text', (c) => c.check(PAYMENT_STATES))
    .addColumn('paid_at', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_folded', 'text', (c) => c.notNull().defaultTo(''))
    .modifyEnd(sql`strict`)
    .execute();
  await sql`insert into orders_new (id, idempotency_key, state, placed_at, email, payment, total_cents,
      request_json, quote_json, state_changed_at, payment_state)
    select id, idempotency_key, state, placed_at, email, payment, total_cents, request_json, quote_json,
      placed_at, case when payment = 'invoice' then 'open' end
    from orders`.execute(db);
  await db.schema.dropTable('orders').execute();
  await sql`alter table orders_new rename to orders`.execute(db);
  await db.schema.createIndex('orders_by_placed_at').on('orders').column('placed_at').execute();
}

async function alterPostgres(db: Db): Promise<void> {
  await sql`alter table orders drop constraint if exists orders_state_check`.execute(db);
  await sql`alter table orders add constraint orders_state_check check (${STATES})`.execute(db);
  await db.schema
    .alterTable('orders')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('state_changed_at', 'text')
    .addColumn('payment_state', 'text', (c) => c.check(PAYMENT_STATES))
    .addColumn('paid_at', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name_folded', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update orders set state_changed_at = placed_at,
    payment_state = case when payment = 'invoice' then 'open' end`.execute(db);
  await sql`alter table orders alter column state_changed_at set not null`.execute(db);
}

/** The shipping name, from each stored request, in one place for both dialects. */
async function fillNames(db: Db): Promise<void> {
  const rows = await db.selectFrom('orders').select(['id', 'request_json']).execute();
  for (const row of rows) {
    const name = orderName(row.request_json);
    await db.updateTable('orders').set({ name, name_folded: name.toLowerCase() }).where('id', '=', row.id).execute();
  }
}

function orderName(requestJson: string): string {
  try {
    const address = (JSON.parse(requestJson) as { shippingAddress?: { firstName?: unknown; lastName?: unknown } })
      .shippingAddress;
    return [address?.firstName, address?.lastName].filter((part) => typeof part === 'string').join(' ');
  } catch {
    return '';
  }
}
