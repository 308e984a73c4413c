import { sql } from 'kysely';
import type { Backend } from '../data-layer.js';
import { strictOn } from '../schema-types.js';
import type { Db } from '../transaction.js';

// Placed orders. The request and the server's quote are kept as JSON exactly as they were accepted;
// the columns beside them are what the shop looks orders up and reports by.
export async function up(db: Db, backend: Backend): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('confirmed')`))
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('payment', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull().check(sql`total_cents >= 0`))
    .addColumn('request_json', 'text', (c) => c.notNull())
    .addColumn('quote_json', 'text', (c) => c.notNull())
    .$call(strictOn(backend))
    .execute();
  await db.schema.createIndex('orders_by_placed_at').on('orders').column('placed_at').execute();
}
