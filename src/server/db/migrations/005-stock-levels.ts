import { sql } from 'kysely';
import type { Backend } from '../data-layer.js';
import { strictOn } from '../schema-types.js';
import type { Db } from '../transaction.js';

// Stock per sellable item: a product without variants (`sku` = its id) or one variant
// (`sku` = "productId/variantId"). Seeded from the catalog the first time an item appears; from then
// on this row is the truth. `available` can never go below zero, whatever the code above it does.
export async function up(db: Db, backend: Backend): Promise<void> {
  await db.schema
    .createTable('stock')
    .addColumn('sku', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('available', 'integer', (c) => c.notNull().check(sql`available >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .$call(strictOn(backend))
    .execute();
  await db.schema.createIndex('stock_by_product').on('stock').column('product_id').execute();
}
