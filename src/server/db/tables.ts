/**
 * Every table of the shop's database, as Kysely sees it: one interface per table, the same on SQLite
 * and PostgreSQL. Times are ISO-8601 text (sortable, identical in both) or epoch milliseconds where
 * the server compares them; money is integer cents.
 */
export interface SchemaVersionTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface OrdersTable {
  id: string;
  idempotency_key: string;
  state: string;
  placed_at: string;
  email: string;
  payment: string;
  total_cents: number;
  request_json: string;
  quote_json: string;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  locked_at: number;
  response_status: number | null;
  response_body: string | null;
  created_at: number;
}

/** Units available per sellable item (src/server/db/stock-store.ts); see docs/stock.md. */
export interface StockTable {
  /** The product id, or "productId/variantId" for a variant. */
  sku: string;
  product_id: string;
  variant_id: string | null;
  /** Product title (and variant title) as the catalog last named it: for the back office's search. */
  title: string;
  available: number;
  updated_at: string;
}

export interface Tables {
  schema_version: SchemaVersionTable;
  orders: OrdersTable;
  idempotency_keys: IdempotencyKeysTable;
  stock: StockTable;
}

/**
 * The tables in the order a copy must fill them (a table after every table it refers to), each with
 * its key column, which `laden db copy` pages by. A test checks it names every table the migrations
 * create.
 */
export const COPY_TABLES = [
  { table: 'orders', key: 'id' },
  { table: 'idempotency_keys', key: 'key' },
  { table: 'stock', key: 'sku' },
] as const satisfies readonly { table: keyof Tables; key: string }[];
