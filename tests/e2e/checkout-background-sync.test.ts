import { describe, expect, it } from 'vitest';
import {
  addToCart,
  checkoutToReview,
  orderKeyOf,
  serverOrders,
  simpleProduct,
  useShopWithOrders,
} from './checkout-helpers.js';

describe('Background Sync', () => {
  const fixture = useShopWithOrders('sync');

  it('lets the service worker deliver an order placed offline after the shop was closed', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await addToCart(page, fixture.shop.url, simpleProduct());
    await page.goto(`${fixture.shop.url}/cart`);
    await checkoutToReview(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL.startsWith(fixture.shop.url) && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;

    const url = fixture.shop.url;
    // Emulated offline does not reach the service worker's own requests in Chromium, so the
    // server goes down as well: nothing can deliver the order until it is back.
    await context.setOffline(true);
    await fixture.stopServer();
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect.poll(() => page.getByTestId('order-state').textContent()).toBe('Wird gesendet, sobald du online bist');
    const key = orderKeyOf(page);
    // The shop is closed (no page of it is open) when the network comes back.
    await page.goto('about:blank');
    expect(serverOrders(fixture.dbPath, key)).toEqual([]);
    // Chromium may fire the real sync event by itself as soon as it is online again; the
    // dispatched one below must then find nothing left to send, so one order either way.
    await fixture.startServerAgain();
    await context.setOffline(false);

    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: new URL(url).origin,
      registrationId,
      tag: 'laden-orders',
      lastChance: false,
    });
    await expect.poll(() => serverOrders(fixture.dbPath, key).length, { timeout: 15_000 }).toBe(1);

    await page.goto(`${fixture.shop.url}/orders/${key}`);
    await expect.poll(() => page.getByTestId('order-state').textContent()).toBe('Bestätigt');
    expect(serverOrders(fixture.dbPath, key)).toHaveLength(1);
    await context.close();
  });
});
