import type { Generated } from 'kysely';

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
  /** Optimistic lock: every change names the version it saw and adds one. */
  version: Generated<number>;
  state_changed_at: string;
  /** Invoice orders: 'open' or 'paid'; null for payment on delivery. */
  payment_state: 'open' | 'paid' | null;
  /** YYYY-MM-DD */
  paid_at: string | null;
  carrier: string | null;
  tracking_number: string | null;
  cancel_reason: string | null;
  /** "First Last" of the shipping address, and lower-cased for searching (SQLite's lower() is ASCII only). */
  name: Generated<string>;
  name_folded: Generated<string>;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: string;
  at: string;
  actor: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  details_json: string;
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
  /** The owner's e-mail, or `laden catalog publish`. */
  published_by: string;
  catalog_json: string;
  rules_json: string;
  search_index: Uint8Array;
}

export interface StaffTable {
  id: string;
  /** Trimmed and lower-cased: one account per address however it is typed. */
  email: string;
  role: 'owner' | 'staff';
  /** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash. */
  password_hash: string;
  created_at: string;
}

export interface AdminSessionsTable {
  /** SHA-256 (hex) of the random id in the cookie; the id itself is never stored. */
  id_hash: string;
  staff_id: string;
  created_at: number;
  last_seen_at: number;
  address: string;
}

export interface PasskeysTable {
  /** The credential id, base64url. */
  id: string;
  staff_id: string;
  /** COSE public key, base64url. */
  public_key: string;
  counter: number;
  /** JSON array of transport hints. */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface WebauthnChallengesTable {
  challenge: string;
  purpose: 'register' | 'sign-in';
  staff_id: string | null;
  expires_at: number;
}

export interface SignInThrottleTable {
  /** SHA-256 of "address" or "address + account": no e-mail address is kept here in the clear. */
  key: string;
  failures: number;
  last_failure_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string;
  before_json: string | null;
  after_json: string | null;
  address: string | null;
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
  staff: StaffTable;
  admin_sessions: AdminSessionsTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  order_events: OrderEventsTable;
  stock: StockTable;
  catalog_versions: CatalogVersionsTable;
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
  { table: 'staff', key: 'id' },
  { table: 'admin_sessions', key: 'id_hash' },
  { table: 'passkeys', key: 'id' },
  { table: 'webauthn_challenges', key: 'challenge' },
  { table: 'sign_in_throttle', key: 'key' },
  { table: 'audit_log', key: 'id' },
  { table: 'order_events', key: 'id' },
  { table: 'stock', key: 'sku' },
  { table: 'catalog_versions', key: 'version' },
  { table: 'mail_outbox', key: 'id' },
] as const satisfies readonly { table: keyof Tables; key: string }[];
