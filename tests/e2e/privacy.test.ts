import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addToCart, checkoutToReview, orderKeyOf, simpleProduct, useShopWithOrders } from './checkout-helpers.js';
import { deviceData, found } from './support/device-data.js';
import { waitForServiceWorker } from './support/service-worker.js';

/** What checkoutToReview types (the street also as a URL would carry it). */
const PERSONAL = ['erika@example.de', 'Mustermann', 'Heidestraße 17', 'Heidestra%C3%9Fe'];

/** Opens the shop with its service worker in control, puts a product in the cart and goes to the review. */
async function readyToOrder(page: Page, baseUrl: string, product = simpleProduct()): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await waitForServiceWorker(page);
  await addToCart(page, baseUrl, product);
  await page.goto(`${baseUrl}/cart`);
  await checkoutToReview(page);
}

/** Opens the order history and the order page again, as a shopper looking back would. */
async function lookAtOrder(page: Page): Promise<void> {
  const orderPage = page.url();
  await page.getByRole('link', { name: 'Meine Bestellungen' }).click();
  await expect.poll(() => page.getByTestId('order-state').first().textContent()).toBe('Bestätigt');
  await page.goto(orderPage);
  await page.getByTestId('order-number').waitFor();
  await page.waitForLoadState('networkidle');
}

describe("the shopper's details on the device", () => {
  const fixture = useShopWithOrders('privacy');

  it('are nowhere in caches, IndexedDB or Web Storage after a confirmed checkout and a look at the order', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await readyToOrder(page, fixture.shop.url);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await page.getByRole('heading', { name: 'Bestellung bestätigt' }).waitFor();
    await lookAtOrder(page);
    // The order page says where the address is instead of showing it.
    await page.getByText('Die Lieferadresse steht in Ihrer Bestätigungs-E-Mail.').waitFor();
    expect(await page.getByText('Heidestraße 17').count()).toBe(0);

    const entries = await deviceData(page);
    // The scan sees real content: the precached shell and listing, the stored cards and the order itself.
    const number = (await page.getByTestId('order-number').textContent()) ?? '';
    const cached = entries.filter((e) => e.where.startsWith('cache ')).map((e) => new URL(e.key).pathname);
    expect(cached).toEqual(expect.arrayContaining(['/index.html', '/data/shop/manifest.json']));
    expect(entries.some((e) => e.text.includes(simpleProduct().title))).toBe(true);
    expect(found(entries, [number])).toEqual([`${number} in indexedDB laden/outbox ${orderKeyOf(page)}`]);
    expect(found(entries, PERSONAL)).toEqual([]);

    // The scan does find a name wherever a cache would hold it.
    await page.evaluate(async () => {
      const cache = await caches.open('laden-probe');
      await cache.put('/probe', new Response(JSON.stringify({ lastName: 'Mustermann' })));
    });
    expect(found(await deviceData(page), PERSONAL)).toEqual([
      `Mustermann in cache laden-probe ${fixture.shop.url}/probe`,
    ]);
    await context.close();
  });

  it('stay in the outbox while an order placed offline waits, and go once the shop confirmed it', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await readyToOrder(page, fixture.shop.url, simpleProduct(undefined, 1));
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect.poll(() => page.getByTestId('order-state').textContent()).toBe('Wird gesendet, sobald du online bist');
    const key = orderKeyOf(page);
    // Needed to send it: in the outbox and nowhere else (the checkout's draft is gone).
    expect(found(await deviceData(page), PERSONAL)).toEqual(
      ['erika@example.de', 'Mustermann', 'Heidestraße 17'].map((v) => `${v} in indexedDB laden/outbox ${key}`),
    );

    await context.setOffline(false);
    await page.getByTestId('order-number').waitFor({ timeout: 20_000 });
    await lookAtOrder(page);
    expect(found(await deviceData(page), PERSONAL)).toEqual([]);
    await context.close();
  });
});
