import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startShop } from './support/server.js';
import type { RunningServer } from '../../src/server/main.js';
import { addToCart, checkoutToReview, orderKeyOf, serverOrders, simpleProduct } from './checkout-helpers.js';

describe('Background Sync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laden-sync-'));
  const dbPath = join(dir, 'orders.sqlite');
  let shop: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    shop = await startShop({ orders: { dbPath } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the service worker deliver an order placed offline after the shop was closed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await addToCart(page, shop.url, simpleProduct());
    await page.goto(`${shop.url}/cart`);
    await checkoutToReview(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL.startsWith(shop.url) && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect.poll(() => page.getByTestId('order-state').textContent()).toBe('Wird gesendet, sobald du online bist');
    const key = orderKeyOf(page);
    // The shop is closed (no page of it is open) when the network comes back.
    await page.goto('about:blank');
    expect(serverOrders(dbPath, key)).toEqual([]);
    // Chromium may fire the real sync event by itself as soon as it is online again; the
    // dispatched one below must then find nothing left to send, so one order either way.
    await context.setOffline(false);

    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: new URL(shop.url).origin,
      registrationId,
      tag: 'laden-orders',
      lastChance: false,
    });
    await expect.poll(() => serverOrders(dbPath, key).length, { timeout: 15_000 }).toBe(1);

    await page.goto(`${shop.url}/orders/${key}`);
    await expect.poll(() => page.getByTestId('order-state').textContent()).toBe('Bestätigt');
    expect(serverOrders(dbPath, key)).toHaveLength(1);
    await context.close();
  });
});
