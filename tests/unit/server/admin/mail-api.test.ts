import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simpleParser } from 'mailparser';
import { formatEuro } from '../../../../src/domain/money.js';
import { listAudit } from '../../../../src/server/db/audit-store.js';
import type { PlacedOrder } from '../../../../src/domain/order.js';
import { BACKENDS } from '../../../support/databases.js';
import { orderRequest, post, serverTotal } from '../support.js';
import { startSmtp, type TestSmtp } from '../smtp.js';
import { ADMIN_TEST_TIMEOUT, AdminClient, PASSWORDS, signedIn, startAdminShop, type AdminShop } from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

interface Mail {
  id: string;
  kind: string;
  orderId: string;
  to: string;
  subject: string;
  state: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

describe.each(BACKENDS)('the mail outbox over the back office API (%s)', (backend) => {
  let smtp: TestSmtp;
  let shop: AdminShop;
  let owner: AdminClient;
  let staff: AdminClient;

  beforeAll(async () => {
    smtp = await startSmtp();
    shop = await startAdminShop(backend, {
      mail: { smtpUrl: smtp.url, pollMs: 50, retryBaseMs: 50, retryMaxMs: 200 },
    });
    await shop.addStaff('inhaberin@example.de', 'owner');
    await shop.addStaff('lager@example.de', 'staff');
    owner = await signedIn(shop, 'inhaberin@example.de', PASSWORDS.owner);
    staff = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
  });
  afterAll(async () => {
    await shop?.close();
    await smtp?.close();
  });

  async function placeOrder(email: string): Promise<PlacedOrder> {
    const request = orderRequest({ contact: { email } });
    const answer = await post(shop.url, { ...request, expectedTotal: await serverTotal(shop.url, request) });
    expect(answer.status).toBe(201);
    return answer.body['order'] as PlacedOrder;
  }
  async function mailOf(client: AdminClient, orderId: string, query = ''): Promise<Mail | undefined> {
    const reply = await client.get(`/api/admin/mail${query}`);
    expect(reply.status).toBe(200);
    return (reply.body['mails'] as Mail[]).find((m) => m.orderId === orderId);
  }

  it('shows a permanently refused mail as failed with the server’s answer; an owner resends it once', async () => {
    smtp.refuse({ at: 'rcpt', code: 550, message: 'Mailbox unavailable' });
    const order = await placeOrder('tippfehler@example.de');
    await expect.poll(async () => (await mailOf(staff, order.id))?.state, { timeout: 15_000 }).toBe('failed');
    const failed = (await mailOf(staff, order.id, '?state=failed'))!;
    expect(failed).toEqual({
      id: expect.any(String),
      kind: 'order-confirmation',
      orderId: order.id,
      to: 'tippfehler@example.de',
      subject: `Ihre Bestellung ${order.id} bei Laden`,
      state: 'failed',
      attempts: 1,
      lastError: expect.stringMatching(/^550 .*Mailbox unavailable/),
      createdAt: expect.any(String),
      sentAt: null,
    });
    expect(await mailOf(staff, order.id, '?state=sent')).toBeUndefined();

    // Staff may read the outbox, not resend.
    const refused = await staff.post(`/api/admin/mail/${failed.id}/resend`);
    expect(refused.status).toBe(403);
    expect(refused.body['error']).toBe('forbidden');

    const resent = await owner.post(`/api/admin/mail/${failed.id}/resend`);
    expect(resent.status).toBe(202);
    expect(resent.body['mail']).toMatchObject({ id: failed.id, state: 'queued', attempts: 0 });
    await expect.poll(async () => (await mailOf(owner, order.id))?.state, { timeout: 15_000 }).toBe('sent');
    expect(smtp.received.filter((m) => m.to.includes('tippfehler@example.de'))).toHaveLength(1);
    expect(smtp.recipients.filter((r) => r === 'tippfehler@example.de')).toHaveLength(2);

    const audit = await listAudit(shop.server.data.db, { limit: 100 });
    expect(audit.entries.filter((e) => e.action === 'mail-resent')).toEqual([
      expect.objectContaining({ actor: 'inhaberin@example.de', target: failed.id }),
    ]);
  });

  async function move(orderId: string, body: Record<string, unknown>): Promise<void> {
    const detail = await staff.get(`/api/admin/orders/${orderId}`);
    const version = (detail.body['order'] as { version: number }).version;
    const reply = await staff.post(`/api/admin/orders/${orderId}/${'to' in body ? 'transitions' : 'payment'}`, {
      ...body,
      version,
    });
    expect(reply.status).toBe(200);
  }
  const parsedFor = (orderId: string, subject: string) =>
    Promise.all(smtp.received.map((m) => simpleParser(m.raw))).then((all) =>
      all.filter((m) => m.subject === subject && m.text?.includes(orderId)),
    );

  it('sends the shipping notice with carrier, tracking number and link when staff mark the order shipped', async () => {
    const order = await placeOrder('erika@example.de');
    await move(order.id, { to: 'processing' });
    await move(order.id, { to: 'shipped', carrier: 'dhl', trackingNumber: '00340434161234567890' });
    await expect
      .poll(async () => (await mailOf(staff, order.id, '?state=sent'))?.kind, { timeout: 15_000 })
      .toBe('order-shipped');
    const [shipped, ...more] = await parsedFor(order.id, `Ihre Bestellung ${order.id} ist unterwegs`);
    expect(more).toEqual([]);
    const link = 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890';
    expect(shipped!.text).toContain('DHL: 00340434161234567890');
    expect(shipped!.text).toContain(link);
    expect(shipped!.html).toContain(`href="${link}"`);
    // Moving to processing sends nothing; the order has its confirmation and this notice.
    const reply = await staff.get('/api/admin/mail');
    const kinds = (reply.body['mails'] as Mail[]).filter((m) => m.orderId === order.id).map((m) => m.kind);
    expect(kinds.sort()).toEqual(['order-confirmation', 'order-shipped']);
  });

  it('sends the cancellation with its reason, escaped, and promises the refund of a paid invoice', async () => {
    const order = await placeOrder('erika@example.de');
    await move(order.id, { state: 'paid' });
    await move(order.id, { to: 'cancelled', reason: 'Artikel <b>defekt</b> & nicht lieferbar' });
    await expect
      .poll(async () => (await mailOf(staff, order.id, '?state=sent'))?.kind, { timeout: 15_000 })
      .toBe('order-cancelled');
    const [cancelled] = await parsedFor(order.id, `Ihre Bestellung ${order.id} wurde storniert`);
    expect(cancelled!.text).toContain('Artikel <b>defekt</b> & nicht lieferbar');
    expect(cancelled!.text).toContain(`Den bereits bezahlten Rechnungsbetrag von ${formatEuro(order.quote.total)}`);
    expect(cancelled!.html).toContain('Artikel &lt;b&gt;defekt&lt;/b&gt; &amp; nicht lieferbar');
    expect(cancelled!.html).not.toContain('<b>');
  });

  it('answers 401 without a session, 400 for an unknown state or cursor, 404 for an unknown mail', async () => {
    expect((await new AdminClient(shop.url).get('/api/admin/mail')).status).toBe(401);
    const badState = await staff.get('/api/admin/mail?state=verschickt');
    expect(badState.status).toBe(400);
    expect(badState.body['issues']).toEqual([{ path: 'state', message: expect.any(String) }]);
    expect((await staff.get('/api/admin/mail?after=kaputt')).status).toBe(400);
    expect((await owner.post('/api/admin/mail/00000000-0000-4000-8000-000000000000/resend')).status).toBe(404);
    const foreign = await owner.request('POST', '/api/admin/mail/x/resend', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body['error']).toBe('bad-origin');
  });
});
