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

export interface MailOutboxTable {
  id: string;
  /** `order-confirmation`, `order-shipped` or `order-cancelled`. */
  kind: string;
  order_id: string | null;
  recipient: string;
  recipient_name: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** `queued`, `sent` or `failed`. */
  state: string;
  attempts: number;
  /** The mail server's last answer (or why it could not be reached). */
  last_error: string | null;
  /** Epoch ms: not sent before then (backoff after a temporary failure). */
  next_attempt_at: number;
  /** Epoch ms when a sender took the mail, and which one; null while nobody is sending it. */
  claimed_at: number | null;
  claimed_by: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface Tables {
  schema_version: SchemaVersionTable;
  orders: OrdersTable;
  idempotency_keys: IdempotencyKeysTable;
  mail_outbox: MailOutboxTable;
}

/**
 * The tables in the order a copy must fill them (a table after every table it refers to), each with
 * its key column, which `laden db copy` pages by. A test checks it names every table the migrations
 * create.
 */
export const COPY_TABLES = [
  { table: 'orders', key: 'id' },
  { table: 'idempotency_keys', key: 'key' },
  { table: 'mail_outbox', key: 'id' },
] as const satisfies readonly { table: keyof Tables; key: string }[];
