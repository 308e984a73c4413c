import { sql } from 'kysely';
import type { Backend } from '../data-layer.js';
import { int64, strictOn } from '../schema-types.js';
import type { Db } from '../transaction.js';

// The mail outbox: one row per mail, written in the same transaction as the order or the state
// change that causes it, and rendered then (a resend sends the same text). The sender claims a row
// by setting `claimed_at`/`claimed_by` before it talks to the mail server; a claim older than the
// sender's lease belongs to a process that died mid-send, and is taken over.
export async function up(db: Db, backend: Backend): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', int64(backend), (c) => c.notNull())
    .addColumn('claimed_at', int64(backend))
    .addColumn('claimed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .$call(strictOn(backend))
    .execute();
  // What the sender looks for: queued mails that are due.
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['state', 'next_attempt_at']).execute();
  // The back office's list, newest first.
  await db.schema.createIndex('mail_outbox_by_created').on('mail_outbox').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('mail_outbox_by_order').on('mail_outbox').column('order_id').execute();
}
