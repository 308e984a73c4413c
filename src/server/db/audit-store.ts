import type { Db } from './transaction.js';

/** What the audit log records; other features (stock, catalog, mail) append their own actions. */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'order-state',
  'order-payment',
  'staff-added',
  'staff-removed',
  'passkey-added',
  'passkey-removed',
  'stock-changed',
  'catalog-published',
  'mail-resent',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryInput {
  /** Who: the staff member's e-mail address, or `laden …` for the command line. */
  actor: string;
  action: AuditAction;
  /** What was acted on: an order number, an e-mail address, a SKU … */
  target: string;
  before?: unknown;
  after?: unknown;
  /** The client address of the request, when there was one. */
  address?: string | null;
  /** ISO time; now when absent. */
  at?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  address: string | null;
}

/**
 * Appends one entry inside the caller's transaction, so the entry exists exactly when the change it
 * describes does. There is no update or delete: the log only grows.
 */
export async function appendAudit(trx: Db, entry: AuditEntryInput): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at ?? new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      address: entry.address ?? null,
    })
    .execute();
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** Newest first, `limit` entries older than the entry `before` (an id), for the owner's page. */
export async function listAudit(
  db: Db,
  page: { before?: number; limit: number },
): Promise<{ entries: AuditEntry[]; next: number | null }> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  const rows = await query.execute();
  const entries = rows.slice(0, page.limit).map((r) => ({
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    target: r.target,
    before: parse(r.before_json),
    after: parse(r.after_json),
    address: r.address,
  }));
  return { entries, next: rows.length > page.limit ? (entries.at(-1)?.id ?? null) : null };
}
