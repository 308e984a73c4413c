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

/** A published catalog; the row with the highest version is the one served and priced with. */
export interface CatalogVersionsTable {
  version: number;
  published_at: string;
  /** SHA-256 (hex) of catalog_json and rules_json: part of the data URLs, so a URL names one content. */
  checksum: string;
  /** `cli` or the owner's e-mail. */
  published_by: string;
  catalog_json: string;
  rules_json: string;
  search_index: Uint8Array;
}

export interface Tables {
  schema_version: SchemaVersionTable;
  orders: OrdersTable;
  idempotency_keys: IdempotencyKeysTable;
  catalog_versions: CatalogVersionsTable;
}

/**
 * The tables in the order a copy must fill them (a table after every table it refers to), each with
 * its key column, which `laden db copy` pages by. A test checks it names every table the migrations
 * create.
 */
export const COPY_TABLES = [
  { table: 'orders', key: 'id' },
  { table: 'idempotency_keys', key: 'key' },
  { table: 'catalog_versions', key: 'version' },
] as const satisfies readonly { table: keyof Tables; key: string }[];
