import { afterEach, describe, expect, it } from 'vitest';
import { openDataLayer, type DataLayer } from '../../../src/server/db/data-layer.js';
import { MailStore, enqueueMail, type ClaimedMail } from '../../../src/server/db/mail-store.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';

const mail = (n: number) => ({
  kind: 'order-confirmation' as const,
  orderId: null,
  to: `kunde${n}@example.de`,
  toName: `Kunde ${n}`,
  subject: `Mail ${n}`,
  text: 'Text',
  html: '<p>Text</p>',
});

describe.each(BACKENDS)('the mail outbox (%s)', (backend) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  async function twoProcesses(): Promise<[DataLayer, DataLayer]> {
    const database = await freshDatabase(backend);
    cleanup.push(database.drop);
    const a = await openDataLayer({ url: database.url });
    const b = await openDataLayer({ url: database.url });
    cleanup.push(
      () => a.close(),
      () => b.close(),
    );
    return [a, b];
  }

  it('hands each mail to exactly one of two senders claiming at once', async () => {
    const [a, b] = await twoProcesses();
    await a.transaction(async (trx) => {
      for (let n = 0; n < 20; n++) await enqueueMail(trx, mail(n));
    });
    const claimed: ClaimedMail[] = [];
    const drain = async (store: MailStore) => {
      // A lost race answers undefined while others are still due: look again until none is.
      for (let idle = 0; idle < 3;) {
        const next = await store.claimNext(60_000);
        if (next) {
          claimed.push(next);
          idle = 0;
        } else idle += 1;
      }
    };
    await Promise.all([drain(new MailStore(a)), drain(new MailStore(b)), drain(new MailStore(a))]);
    const ids = claimed.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(20);
    expect(claimed.every((m) => m.attempts === 1)).toBe(true);
  });

  it('takes over a claim older than the lease, and ignores the outcome the stale sender reports', async () => {
    const [a, b] = await twoProcesses();
    await a.transaction((trx) => enqueueMail(trx, mail(1), new Date(1_000)));
    const first = new MailStore(a);
    const second = new MailStore(b);
    const stale = await first.claimNext(60_000, 2_000);
    expect(stale).toBeDefined();
    // Within the lease nobody else may take it.
    expect(await second.claimNext(60_000, 30_000)).toBeUndefined();
    const taken = await second.claimNext(60_000, 70_000);
    expect(taken).toMatchObject({ id: stale!.id, attempts: 2 });

    await first.markSent(stale!, '250 from the sender that was presumed dead');
    expect(await second.get(stale!.id)).toMatchObject({ state: 'queued', lastError: null });
    await second.markSent(taken!, '250 OK');
    expect(await second.get(stale!.id)).toMatchObject({ state: 'sent', lastError: '250 OK', attempts: 2 });
  });

  it('resends a failed mail with fresh attempts, and lists newest first with a cursor', async () => {
    const [a] = await twoProcesses();
    const store = new MailStore(a);
    for (let n = 0; n < 53; n++) await a.transaction((trx) => enqueueMail(trx, mail(n), new Date(1_000 + n)));
    const claimed = await store.claimNext(60_000, 5_000);
    await store.markFailed(claimed!, '550 Mailbox unavailable');
    const failed = await store.list({ state: 'failed' });
    expect(failed.mails.map((m) => m.subject)).toEqual(['Mail 0']);

    const page1 = await store.list();
    expect(page1.mails).toHaveLength(50);
    expect(page1.mails[0]!.subject).toBe('Mail 52');
    const { parseCursor } = await import('../../../src/server/db/mail-store.js');
    const page2 = await store.list({ after: parseCursor(page1.next!)! });
    expect(page2.mails.map((m) => m.subject)).toEqual(['Mail 2', 'Mail 1', 'Mail 0']);
    expect(page2.next).toBeNull();

    const again = await a.transaction((trx) => store.resend(trx, claimed!.id, 6_000));
    expect(again).toMatchObject({ state: 'queued', attempts: 0, lastError: '550 Mailbox unavailable' });
    const due: string[] = [];
    for (let next; (next = await store.claimNext(60_000, 6_000));) due.push(next.id);
    expect(due).toHaveLength(53);
    expect(due.at(-1)).toBe(claimed!.id);
  });
});
