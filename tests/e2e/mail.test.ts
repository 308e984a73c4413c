import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { formatEuro } from '../../src/domain/money.js';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../src/server/main.js';
import { startSmtp, type TestSmtp } from '../unit/server/smtp.js';
import { AdminClient } from '../unit/server/admin/support.js';
import { hashPassword } from '../../src/server/admin/password.js';
import { insertStaff } from '../../src/server/db/staff-store.js';
import { addToCart, checkoutToReview, orderKeyOf, serverOrders, simpleProduct } from './checkout-helpers.js';
import { launchBrowser } from './support/browser.js';
import { startShop } from './support/server.js';

const OWNER_PASSWORD = 'Zimtschnecke-Oktober-17';

describe('mail from the built shop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laden-mail-'));
  const dbPath = join(dir, 'orders.sqlite');
  let smtp: TestSmtp;
  let shop: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtp();
    shop = await startShop({ orders: { dbPath }, mail: { smtpUrl: smtp.url, pollMs: 100 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends exactly one confirmation for an order placed in the shop, to the address typed at the checkout', async () => {
    const page = await browser.newPage();
    await addToCart(page, shop.url, simpleProduct());
    await page.goto(`${shop.url}/cart`);
    await checkoutToReview(page);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await page.getByRole('heading', { name: 'Bestellung bestätigt' }).waitFor();
    const number = (await page.getByTestId('order-number').textContent())?.trim() ?? '';
    // Confirmed, the device no longer keeps the address: the page says where the mail goes without it.
    expect(await page.getByTestId('mail-notice').textContent()).toMatch(
      /Bestellbestätigung senden wir per E-Mail an die Adresse, die Sie angegeben haben/,
    );

    await expect
      .poll(async () => (await shop.mail.store.list()).mails.map((m) => `${m.orderId} ${m.kind} ${m.state}`), {
        timeout: 20_000,
      })
      .toEqual([`${number} order-confirmation sent`]);
    expect(smtp.received).toHaveLength(1);
    const mail = await simpleParser(smtp.received[0]!.raw);
    expect(smtp.received[0]!.to).toEqual(['erika@example.de']);
    expect(mail.subject).toBe(`Ihre Bestellung ${number} bei Laden`);
    const [stored] = serverOrders(dbPath);
    const totalLine = mail.text?.split('\n').find((line) => line.startsWith('Gesamtsumme'));
    expect(totalLine?.endsWith(` ${formatEuro(stored!.total_cents)}`)).toBe(true);
    // The link in the mail opens this order's page in the shop.
    const link = /Ihre Bestellung im Shop ansehen:\n(\S+)/.exec(mail.text ?? '')?.[1] ?? '';
    expect(link.startsWith(shop.url)).toBe(true);
    await page.goto(link);
    await expect.poll(() => page.getByTestId('order-number').textContent()).toBe(number);
    await page.close();
  });

  it('sends the shipping notice with the tracking number once staff mark the order shipped, shown under E-Mails', async () => {
    const [order] = serverOrders(dbPath);
    await shop.data.write(async (trx) =>
      insertStaff(trx, {
        email: 'inhaberin@example.de',
        role: 'owner',
        passwordHash: await hashPassword(OWNER_PASSWORD),
        at: new Date().toISOString(),
      }),
    );
    const owner = new AdminClient(shop.url);
    expect((await owner.signIn('inhaberin@example.de', OWNER_PASSWORD)).status).toBe(200);
    for (const body of [
      { to: 'processing' },
      { to: 'shipped', carrier: 'dhl', trackingNumber: 'JJD000390007712345' },
    ]) {
      const version = ((await owner.get(`/api/admin/orders/${order!.id}`)).body['order'] as { version: number })
        .version;
      expect((await owner.post(`/api/admin/orders/${order!.id}/transitions`, { ...body, version })).status).toBe(200);
    }
    await expect
      .poll(async () => (await shop.mail.store.list({ state: 'sent' })).mails.map((m) => m.kind), { timeout: 20_000 })
      .toEqual(['order-shipped', 'order-confirmation']);
    expect(smtp.received).toHaveLength(2);
    const shipped = await simpleParser(smtp.received[1]!.raw);
    expect(shipped.subject).toBe(`Ihre Bestellung ${order!.id} ist unterwegs`);
    expect(shipped.text).toContain('DHL: JJD000390007712345');

    // The back office shows both mails as sent, with the mail server's answer.
    const page = await browser.newPage();
    await page.goto(`${shop.url}/admin/login`);
    await page.getByLabel('E-Mail-Adresse').fill('inhaberin@example.de');
    await page.getByLabel('Passwort').fill(OWNER_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'));
    await page.getByRole('link', { name: 'E-Mails' }).click();
    await page.getByRole('heading', { name: 'E-Mails' }).waitFor();
    await expect.poll(() => page.getByTestId('mail-state').allTextContents()).toEqual(['Versendet', 'Versendet']);
    expect(await page.getByText('Versandbestätigung').count()).toBe(1);
    expect((await page.getByTestId('mail-answer').allTextContents()).every((a) => a.startsWith('250'))).toBe(true);
    await page.close();
  });

  it('tells the shopper of an order still on the device that the confirmation follows, and sends it once it arrived', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await addToCart(page, shop.url, simpleProduct(undefined, 1));
    await page.goto(`${shop.url}/cart`);
    await checkoutToReview(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect
      .poll(() => page.getByTestId('mail-notice').textContent())
      .toMatch(
        /Bestellbestätigung per E-Mail an\s+erika@example\.de\s+folgt, sobald die\s+Bestellung beim Shop angekommen ist/,
      );
    const key = orderKeyOf(page);
    expect(serverOrders(dbPath, key)).toEqual([]);

    await context.setOffline(false);
    await page.getByTestId('order-number').waitFor({ timeout: 20_000 });
    const [order] = serverOrders(dbPath, key);
    expect(await page.getByTestId('mail-notice').textContent()).toMatch(
      /senden wir per E-Mail an die Adresse, die Sie/,
    );
    await expect
      .poll(
        async () => (await shop.mail.store.list()).mails.filter((m) => m.orderId === order!.id).map((m) => m.state),
        {
          timeout: 20_000,
        },
      )
      .toEqual(['sent']);
    expect(smtp.received.filter((m) => m.raw.toString('utf8').includes(order!.id))).toHaveLength(1);
    await context.close();
  });
});
