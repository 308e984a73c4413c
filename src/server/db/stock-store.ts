import { sql } from 'kysely';
import type { StockItem } from '../../domain/admin-api.js';
import type { Catalog } from '../../domain/catalog.js';
import { LOW_STOCK, skuOf, type StockShortage } from '../../domain/stock.js';
import type { StockTable } from './tables.js';
import type { Db } from './transaction.js';

/**
 * Stock per sellable item (table `stock`): seeded from the catalog, then taken by orders, put back by
 * cancellations and set by staff. Every change is one statement that cannot take more than is there
 * (docs/stock.md).
 */

/** One cart line as far as stock is concerned. */
export interface StockLine {
  productId: string;
  variantId?: string | undefined;
  quantity: number;
}

const item = (row: StockTable): StockItem => ({
  sku: row.sku,
  productId: row.product_id,
  variantId: row.variant_id,
  title: row.title,
  available: Number(row.available),
  updatedAt: row.updated_at,
});

/** Every sellable item of `catalog` with the stock it starts with. */
function catalogRows(catalog: Catalog, at: string): StockTable[] {
  return catalog.products.flatMap((product): StockTable[] =>
    product.variants?.length
      ? product.variants.map((variant) => ({
          sku: skuOf(product.id, variant.id),
          product_id: product.id,
          variant_id: variant.id,
          title: `${product.title} – ${variant.title}`,
          available: Math.max(0, Math.trunc(variant.stock)),
          updated_at: at,
        }))
      : [
          {
            sku: product.id,
            product_id: product.id,
            variant_id: null,
            title: product.title,
            available: Math.max(0, Math.trunc(product.stock)),
            updated_at: at,
          },
        ],
  );
}

// 6 columns × 500 rows stays far below both backends' limit on bound parameters.
const CHUNK = 500;

/**
 * Gives every item of `catalog` that the database does not know yet its catalog stock; items it
 * knows keep their stock (the database is the truth) and only take the catalog's current title.
 * Safe to run from several servers at once. Returns how many items were added.
 */
export async function seedStock(trx: Db, catalog: Catalog, now = new Date()): Promise<number> {
  const rows = catalogRows(catalog, now.toISOString());
  const known = new Map(
    (await trx.selectFrom('stock').select(['sku', 'title']).execute()).map((r) => [r.sku, r.title] as const),
  );
  const fresh = rows.filter((r) => !known.has(r.sku));
  let added = 0;
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const inserted = await trx
      .insertInto('stock')
      .values(fresh.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('sku').doNothing())
      .returning('sku')
      .execute();
    added += inserted.length;
  }
  for (const row of rows) {
    const title = known.get(row.sku);
    if (title !== undefined && title !== row.title) {
      await trx.updateTable('stock').set({ title: row.title }).where('sku', '=', row.sku).execute();
    }
  }
  return added;
}

/** Lines for the same item add up; sorted by sku so that concurrent orders lock rows in one order. */
function merged(
  lines: readonly StockLine[],
): { sku: string; productId: string; variantId?: string; quantity: number }[] {
  const bySku = new Map<string, { sku: string; productId: string; variantId?: string; quantity: number }>();
  for (const line of lines) {
    const sku = skuOf(line.productId, line.variantId);
    const entry = bySku.get(sku);
    if (entry) entry.quantity += line.quantity;
    else
      bySku.set(sku, {
        sku,
        productId: line.productId,
        ...(line.variantId ? { variantId: line.variantId } : {}),
        quantity: line.quantity,
      });
  }
  return [...bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/**
 * Inside the order's transaction: takes every line's quantity, each with one conditional update that
 * touches its row only if enough is there. Returns the lines that were short (with what is there);
 * the caller must then roll the transaction back, undoing the lines that were taken.
 */
export async function takeStock(trx: Db, lines: readonly StockLine[], now = new Date()): Promise<StockShortage[]> {
  const shortages: StockShortage[] = [];
  const at = now.toISOString();
  for (const line of merged(lines)) {
    const result = await trx
      .updateTable('stock')
      .set((eb) => ({ available: eb('available', '-', line.quantity), updated_at: at }))
      .where('sku', '=', line.sku)
      .where('available', '>=', line.quantity)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) continue;
    const row = await trx
      .selectFrom('stock')
      .select(['available', 'title'])
      .where('sku', '=', line.sku)
      .executeTakeFirst();
    shortages.push({
      productId: line.productId,
      ...(line.variantId ? { variantId: line.variantId } : {}),
      ...(row ? { title: row.title } : {}),
      requested: line.quantity,
      available: Number(row?.available ?? 0),
    });
  }
  return shortages;
}

/** Inside a cancellation's transaction: the order's units are available again. */
export async function putBackStock(trx: Db, lines: readonly StockLine[], now = new Date()): Promise<void> {
  const at = now.toISOString();
  for (const line of merged(lines)) {
    await trx
      .updateTable('stock')
      .set((eb) => ({ available: eb('available', '+', line.quantity), updated_at: at }))
      .where('sku', '=', line.sku)
      .execute();
  }
}

/** Every item's units, by sku: what `GET /api/stock` answers. */
export async function stockLevels(db: Db, products?: readonly string[]): Promise<{ sku: string; available: number }[]> {
  if (products?.length === 0) return [];
  let query = db.selectFrom('stock').select(['sku', 'available']).orderBy('sku');
  if (products !== undefined) query = query.where('product_id', 'in', [...products]);
  return (await query.execute()).map((r) => ({ sku: r.sku, available: Number(r.available) }));
}

export async function stockItem(db: Db, sku: string): Promise<StockItem | undefined> {
  const row = await db.selectFrom('stock').selectAll().where('sku', '=', sku).executeTakeFirst();
  return row && item(row);
}

export interface StockQuery {
  /** Matches the sku (prefix) or the title (contains), case-insensitive. */
  q?: string | undefined;
  /** Only items at or below LOW_STOCK units. */
  low?: boolean | undefined;
  /** The sku to continue after (keyset pagination). */
  after?: string | undefined;
  limit: number;
}

const likePattern = (text: string) => text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/** The back office's list, in sku order, one page at a time. */
export async function listStock(db: Db, query: StockQuery): Promise<{ items: StockItem[]; next: string | null }> {
  let select = db
    .selectFrom('stock')
    .selectAll()
    .orderBy('sku')
    .limit(query.limit + 1);
  if (query.q) {
    const pattern = likePattern(query.q);
    // SQLite's LIKE has no escape character unless one is named; PostgreSQL's is the same backslash.
    select = select.where(
      sql<boolean>`(lower(sku) like ${`${pattern}%`} escape '\\' or lower(title) like ${`%${pattern}%`} escape '\\')`,
    );
  }
  if (query.low) select = select.where('available', '<=', LOW_STOCK);
  if (query.after) select = select.where('sku', '>', query.after);
  const rows = await select.execute();
  const page = rows.slice(0, query.limit).map(item);
  return { items: page, next: rows.length > query.limit ? (page.at(-1)?.sku ?? null) : null };
}

/**
 * Inside a transaction: sets an item's units to `available` (a count after a stock take, a delivery
 * booked in). Returns the item before and after, or undefined for an unknown sku.
 */
export async function setStock(
  trx: Db,
  sku: string,
  available: number,
  now = new Date(),
): Promise<{ before: StockItem; after: StockItem } | undefined> {
  // Touching the row first locks it on PostgreSQL (SQLite's writer already holds the database), so
  // `before` is what this change replaces, not what an order took a moment ago.
  await trx
    .updateTable('stock')
    .set((eb) => ({ sku: eb.ref('sku') }))
    .where('sku', '=', sku)
    .execute();
  const before = await stockItem(trx, sku);
  if (!before) return undefined;
  const updatedAt = now.toISOString();
  await trx.updateTable('stock').set({ available, updated_at: updatedAt }).where('sku', '=', sku).execute();
  return { before, after: { ...before, available, updatedAt } };
}
