import { randomUUID } from 'node:crypto';
import type { MailState, MailSummary } from '../../domain/admin-api.js';
import type { DataLayer } from './data-layer.js';
import type { MailOutboxTable } from './tables.js';
import type { Db } from './transaction.js';

export const MAIL_KINDS = ['order-confirmation', 'order-shipped', 'order-cancelled'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** A rendered mail, ready to be queued. */
export interface NewMail {
  kind: MailKind;
  orderId: string | null;
  to: string;
  toName: string;
  subject: string;
  text: string;
  html: string;
}

/** A mail a sender has claimed: everything needed to send it, and the claim to report back with. */
export interface ClaimedMail extends MailSummary {
  toName: string;
  text: string;
  html: string;
  claim: string;
}

/** Inside the transaction of the order or state change that causes it: the mail, queued. */
export async function enqueueMail(trx: Db, mail: NewMail, now = new Date()): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('mail_outbox')
    .values({
      id,
      kind: mail.kind,
      order_id: mail.orderId,
      recipient: mail.to,
      recipient_name: mail.toName,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      state: 'queued',
      attempts: 0,
      last_error: null,
      next_attempt_at: now.getTime(),
      claimed_at: null,
      claimed_by: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .execute();
  return id;
}

type Row = Pick<
  MailOutboxTable,
  'id' | 'kind' | 'order_id' | 'recipient' | 'subject' | 'state' | 'attempts' | 'last_error' | 'created_at' | 'sent_at'
>;
const summaryColumns = [
  'id',
  'kind',
  'order_id',
  'recipient',
  'subject',
  'state',
  'attempts',
  'last_error',
  'created_at',
  'sent_at',
] as const;

const summary = (row: Row): MailSummary => ({
  id: row.id,
  kind: row.kind,
  orderId: row.order_id,
  to: row.recipient,
  subject: row.subject,
  state: row.state as MailState,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

/** The list's position: the last row's creation time and id, opaque to the client. */
const cursorOf = (row: Row) => Buffer.from(JSON.stringify([row.created_at, row.id])).toString('base64url');

export function parseCursor(cursor: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string' && v.length <= 100)) {
      return [value[0] as string, value[1] as string];
    }
  } catch {
    // not ours
  }
  return undefined;
}

export const MAIL_PAGE = 50;

/**
 * The mail outbox on either backend. A mail is sent by one sender at a time across every server
 * process: a sender claims it with a conditional update that only one caller can win (PostgreSQL
 * also skips rows another transaction is claiming), and a claim older than the lease is taken over.
 */
export class MailStore {
  readonly #data: DataLayer;

  constructor(data: DataLayer) {
    this.#data = data;
  }

  /** The next due mail, claimed for `leaseMs`; undefined when nothing is due (or another sender won). */
  async claimNext(leaseMs: number, now = Date.now()): Promise<ClaimedMail | undefined> {
    const claim = randomUUID();
    const stale = now - leaseMs;
    const backend = this.#data.backend;
    const due = (db: Db) =>
      db
        .selectFrom('mail_outbox')
        .select('id')
        .where('state', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', stale)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(1);
    // Most looks find nothing: they read, and take no write lock.
    if (!(await due(this.#data.db).executeTakeFirst())) return undefined;
    return this.#data.write(async (trx) => {
      const candidate = await (
        backend === 'postgres' ? due(trx).forUpdate().skipLocked() : due(trx)
      ).executeTakeFirst();
      if (!candidate) return undefined;
      const taken = await trx
        .updateTable('mail_outbox')
        .set((eb) => ({ claimed_at: now, claimed_by: claim, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', candidate.id)
        .where('state', '=', 'queued')
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', stale)]))
        .returning([...summaryColumns, 'recipient_name', 'text_body', 'html_body'])
        .executeTakeFirst();
      if (!taken) return undefined;
      return { ...summary(taken), toName: taken.recipient_name, text: taken.text_body, html: taken.html_body, claim };
    });
  }

  /** The mail server took it. Only the claim's holder records (a sender whose lease ran out does not). */
  async markSent(mail: ClaimedMail, answer: string, now = new Date()): Promise<void> {
    await this.#finish(mail, { state: 'sent', last_error: answer, sent_at: now.toISOString() });
  }

  /** A temporary failure: queued again for `nextAttemptAt`. */
  async markRetry(mail: ClaimedMail, answer: string, nextAttemptAt: number): Promise<void> {
    await this.#finish(mail, { state: 'queued', last_error: answer, next_attempt_at: nextAttemptAt });
  }

  /** A permanent failure (or too many temporary ones): not tried again unless an owner resends it. */
  async markFailed(mail: ClaimedMail, answer: string): Promise<void> {
    await this.#finish(mail, { state: 'failed', last_error: answer });
  }

  async #finish(
    mail: ClaimedMail,
    change: Partial<Pick<MailOutboxTable, 'state' | 'last_error' | 'sent_at' | 'next_attempt_at'>>,
  ): Promise<void> {
    await this.#data.write((trx) =>
      trx
        .updateTable('mail_outbox')
        .set({ ...change, claimed_at: null, claimed_by: null })
        .where('id', '=', mail.id)
        .where('claimed_by', '=', mail.claim)
        .execute(),
    );
  }

  /** Newest first, 50 a page; `after` is the previous page's `next`. */
  async list(options: { state?: MailState; after?: [string, string] } = {}): Promise<{
    mails: MailSummary[];
    next: string | null;
  }> {
    let query = this.#data.db
      .selectFrom('mail_outbox')
      .select(summaryColumns)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(MAIL_PAGE + 1);
    if (options.state) query = query.where('state', '=', options.state);
    const after = options.after;
    if (after) {
      query = query.where((eb) =>
        eb.or([eb('created_at', '<', after[0]), eb.and([eb('created_at', '=', after[0]), eb('id', '<', after[1])])]),
      );
    }
    const rows = await query.execute();
    const page = rows.slice(0, MAIL_PAGE);
    const last = page.at(-1);
    return { mails: page.map(summary), next: rows.length > MAIL_PAGE && last ? cursorOf(last) : null };
  }

  async get(id: string, db: Db = this.#data.db): Promise<MailSummary | undefined> {
    const row = await db.selectFrom('mail_outbox').select(summaryColumns).where('id', '=', id).executeTakeFirst();
    return row ? summary(row) : undefined;
  }

  /**
   * Queues the mail again, due now, with the same text and Message-ID; its attempts count afresh.
   * A mail still queued is only made due now (a sender holding it keeps its claim).
   */
  async resend(trx: Db, id: string, now = Date.now()): Promise<MailSummary | undefined> {
    const row = await trx.selectFrom('mail_outbox').select(summaryColumns).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const again =
      row.state === 'queued'
        ? { next_attempt_at: now }
        : { state: 'queued', attempts: 0, next_attempt_at: now, sent_at: null, claimed_at: null, claimed_by: null };
    const updated = await trx
      .updateTable('mail_outbox')
      .set(again)
      .where('id', '=', id)
      .returning(summaryColumns)
      .executeTakeFirstOrThrow();
    return summary(updated);
  }
}
