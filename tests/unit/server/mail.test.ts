import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { OrderRequest, PlacedOrder } from '../../../src/domain/order.js';
import type { Quote } from '../../../src/domain/quote.js';
import { formatEuro } from '../../../src/domain/money.js';
import type { RunningServer } from '../../../src/server/main.js';
import { enqueueMail } from '../../../src/server/db/mail-store.js';
import type { MailSummary } from '../../../src/domain/admin-api.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';
import { fixtureShop, orderRequest, post, serverTotal, startOrdersServer } from './support.js';
import { startSmtp, type TestSmtp } from './smtp.js';

/** Retries fast, so a test sees three attempts in well under a second. */
const QUICK = { pollMs: 50, retryBaseMs: 50, retryMaxMs: 200, from: 'Laden Testshop <bestellung@laden.example>' };

async function placeOrder(server: RunningServer, overrides: Partial<OrderRequest> = {}): Promise<PlacedOrder> {
  const request = orderRequest(overrides);
  const answer = await post(server.url, { ...request, expectedTotal: await serverTotal(server.url, request) });
  expect(answer.status).toBe(201);
  return answer.body['order'] as PlacedOrder;
}

async function mailsOf(server: RunningServer, orderId: string): Promise<MailSummary[]> {
  const { mails } = await server.mail.store.list();
  return mails.filter((m) => m.orderId === orderId);
}

/** Waits until the order's confirmation is in `state`, then returns it. */
async function confirmationIn(server: RunningServer, orderId: string, state: MailSummary['state']) {
  await expect.poll(async () => (await mailsOf(server, orderId))[0]?.state, { timeout: 15_000 }).toBe(state);
  return (await mailsOf(server, orderId))[0]!;
}

const forOrder = (smtp: TestSmtp, orderId: string) =>
  smtp.received.filter((m) => m.raw.toString('utf8').includes(orderId));

async function storedQuote(server: RunningServer, orderId: string): Promise<Quote> {
  const row = await server.data.db
    .selectFrom('orders')
    .select('quote_json')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.quote_json) as Quote;
}

const headerLines = (raw: Buffer) =>
  raw
    .toString('utf8')
    .split(/\r?\n\r?\n/)[0]!
    .split(/\r?\n/);

describe.each(BACKENDS)('order mails through SMTP (%s)', (backend) => {
  const shop = fixtureShop();
  let smtp: TestSmtp;
  let server: RunningServer;
  let database: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    database = await freshDatabase(backend);
    server = await startOrdersServer(shop, { databaseUrl: database.url }, { ...QUICK, smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    await database?.drop();
    shop.remove();
  });

  it('sends the confirmation: recipient, subject, number, the stored quote to the cent, text and HTML', async () => {
    const order = await placeOrder(server);
    const mail = await confirmationIn(server, order.id, 'sent');
    expect(mail).toMatchObject({ kind: 'order-confirmation', to: 'erika@example.de', attempts: 1 });
    expect(mail.lastError).toMatch(/^250/);
    const [received, ...more] = forOrder(smtp, order.id);
    expect(more).toEqual([]);
    expect(received!.to).toEqual(['erika@example.de']);
    expect(received!.from).toBe('bestellung@laden.example');

    const parsed: ParsedMail = await simpleParser(received!.raw);
    expect(parsed.subject).toBe(`Ihre Bestellung ${order.id} bei Laden`);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
      { address: 'erika@example.de', name: 'Erika Mustermann' },
    ]);
    expect(parsed.messageId).toBe(`<${mail.id}@laden.example>`);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    const quote = await storedQuote(server, order.id);
    expect(quote.total).toBe(4943);
    const text = parsed.text ?? '';
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    for (const part of [text, html]) {
      expect(part).toContain(order.id);
      expect(part).toContain(formatEuro(quote.total));
      expect(part).toContain(formatEuro(quote.subtotal));
      expect(part).toContain(formatEuro(quote.shipping.price));
      for (const line of quote.lines) expect(part).toContain(formatEuro(line.total));
      for (const vat of quote.vat) expect(part).toContain(`${vat.rate} % MwSt.`);
      for (const vat of quote.vat) expect(part).toContain(formatEuro(vat.tax));
      expect(part).toContain('2 × Produkt p00001');
      expect(part).toContain('Heidestraße 17');
      expect(part).toContain('Rechnung');
    }
    expect(text).toMatch(/^Gesamtsumme +49,43\u00a0€$/m);
    // No remote images, no tracking pixels: nothing the mail client would fetch.
    expect(html).not.toMatch(/<img|src=|url\(/i);
    expect(html).toContain(`href="http://127.0.0.1:`);
  });

  it('retries temporary refusals (421, 451) with backoff and delivers once', async () => {
    smtp.refuse(
      { at: 'connect', code: 421, message: 'Service not available, try later' },
      { at: 'data', code: 451, message: 'Local error, try later' },
    );
    const order = await placeOrder(server);
    const mail = await confirmationIn(server, order.id, 'sent');
    expect(mail.attempts).toBe(3);
    expect(forOrder(smtp, order.id)).toHaveLength(1);
  });

  it('gives up on a permanent refusal (550), recording the answer, and does not try again', async () => {
    smtp.refuse({ at: 'rcpt', code: 550, message: 'Mailbox unavailable' });
    const order = await placeOrder(server, { contact: { email: 'niemand@example.de' } });
    const mail = await confirmationIn(server, order.id, 'failed');
    expect(mail.attempts).toBe(1);
    expect(mail.lastError).toMatch(/^550 .*Mailbox unavailable/);
    // Another mail goes through after it; the refused one was offered exactly once.
    const next = await placeOrder(server);
    await confirmationIn(server, next.id, 'sent');
    expect(smtp.recipients.filter((r) => r === 'niemand@example.de')).toHaveLength(1);
    expect((await mailsOf(server, order.id))[0]).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('lets no shopper-typed line break add a header or a recipient; non-ASCII names are encoded', async () => {
    // The orders API refuses control characters in names outright …
    const hostile = { ...orderRequest().shippingAddress, firstName: 'Jürgen\r\nBcc: x@example.org', lastName: 'Groß' };
    const refused = await post(server.url, { ...orderRequest({ shippingAddress: hostile }), expectedTotal: 1 });
    expect(refused.status).toBe(400);
    // … and the mail layer does not rely on that: a mail whose name and subject carry CR/LF (as data
    // from before that rule, or any other way in, might) still gets no extra header or recipient.
    const order = await placeOrder(server, {
      shippingAddress: { ...orderRequest().shippingAddress, firstName: 'Jürgen', lastName: 'Groß' },
    });
    await server.data.transaction((trx) =>
      enqueueMail(trx, {
        kind: 'order-shipped',
        orderId: order.id,
        to: 'erika@example.de',
        toName: 'Jürgen\r\nBcc: x@example.org Groß',
        subject: `Versendet ${order.id}\r\nBcc: y@example.org`,
        text: `Bestellung ${order.id}`,
        html: `<p>Bestellung ${order.id}</p>`,
      }),
    );
    server.mail.sender.wakeSoon();
    await expect
      .poll(async () => (await mailsOf(server, order.id)).map((m) => m.state), { timeout: 15_000 })
      .toEqual(['sent', 'sent']);
    expect(smtp.recipients).not.toContain('x@example.org');
    expect(smtp.recipients).not.toContain('y@example.org');
    for (const received of forOrder(smtp, order.id)) {
      expect(received.to).toEqual(['erika@example.de']);
      const headers = headerLines(received.raw);
      expect(headers.filter((h) => /^bcc:/i.test(h))).toEqual([]);
      // Every header line is ASCII: the name travels as an encoded word.
      expect(headers.every((h) => /^[\x20-\x7e\t]*$/.test(h))).toBe(true);
      const parsed = await simpleParser(received.raw);
      expect(parsed.bcc).toBeUndefined();
      const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : [];
      expect(to.map((t) => t.address)).toEqual(['erika@example.de']);
      expect(to[0]?.name).toMatch(/^Jürgen( Bcc: x@example\.org)? Groß$/);
    }
  });

  it('queues nothing for an order that is not stored', async () => {
    const before = (await server.mail.store.list()).mails.length;
    const answer = await post(server.url, { ...orderRequest(), expectedTotal: 1 });
    expect(answer.status).toBe(409);
    expect((await server.mail.store.list()).mails).toHaveLength(before);
  });
});

describe('the mail server away', () => {
  const shop = fixtureShop();
  let server: RunningServer | undefined;
  let smtp: TestSmtp | undefined;
  afterEach(async () => {
    await server?.close();
    await smtp?.close();
  });
  afterAll(() => shop.remove());

  it('keeps the mail queued while the SMTP server is down, and delivers it once it is back', async () => {
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    server = await startOrdersServer(shop, {}, { ...QUICK, smtpUrl: `smtp://127.0.0.1:${port}` });
    const order = await placeOrder(server);
    await expect
      .poll(async () => (await mailsOf(server!, order.id))[0]?.attempts ?? 0, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    const waiting = (await mailsOf(server, order.id))[0]!;
    expect(waiting.state).toBe('queued');
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);

    smtp = await startSmtp(port);
    await confirmationIn(server, order.id, 'sent');
    expect(forOrder(smtp, order.id)).toHaveLength(1);
  });

  it('signs in with the address’s user and password and never shows the password', async () => {
    smtp = await startSmtp();
    server = await startOrdersServer(
      shop,
      {},
      { ...QUICK, smtpUrl: `smtp://laden:geheim%21Pass@127.0.0.1:${smtp.port}` },
    );
    expect(server.mail.description).toContain(`smtp://laden:***@127.0.0.1:${smtp.port}`);
    expect(server.mail.description).not.toContain('geheim');
    const order = await placeOrder(server);
    await confirmationIn(server, order.id, 'sent');
    expect(smtp.logins).toEqual([{ user: 'laden', password: 'geheim!Pass' }]);
  });
});

describe('without an SMTP server', () => {
  it('writes each mail as a readable .eml file beside the SQLite file, and says so', async () => {
    const shop = fixtureShop();
    const server = await startServerWithoutSmtp(shop);
    try {
      const mailDir = join(dirname(shop.dbPath), 'mail');
      expect(server.mail.description).toContain(mailDir);
      expect(server.mail.description).toContain('.eml');
      const order = await placeOrder(server);
      const mail = await confirmationIn(server, order.id, 'sent');
      const files = (await readdir(mailDir)).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(1);
      expect(files[0]).toContain(mail.id);
      const raw = await readFile(join(mailDir, files[0]!));
      // RFC 5322: CRLF line ends throughout.
      expect(raw.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const parsed = await simpleParser(raw);
      expect(parsed.subject).toBe(`Ihre Bestellung ${order.id} bei Laden`);
      expect(parsed.text).toContain(formatEuro(order.quote.total));
      expect(parsed.html).toContain(formatEuro(order.quote.total));
    } finally {
      await server.close();
      shop.remove();
    }
  });
});

/** The shop as configured out of the box: the test's mail folder is where the default puts it. */
function startServerWithoutSmtp(shop: ReturnType<typeof fixtureShop>): Promise<RunningServer> {
  const saved = process.env['LADEN_SMTP_URL'];
  delete process.env['LADEN_SMTP_URL'];
  return startOrdersServer(shop, {}, { pollMs: 50, fileDir: undefined }).finally(() => {
    if (saved !== undefined) process.env['LADEN_SMTP_URL'] = saved;
  });
}
