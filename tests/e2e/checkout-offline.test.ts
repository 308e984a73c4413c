import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  addToCart,
  checkoutToReview,
  orderKeyOf,
  serverOrders,
  simpleProduct,
  useShopWithOrders,
} from './checkout-helpers.js';

describe('orders placed offline or against a failing server', () => {
  const fixture = useShopWithOrders('offline-order');

  async function readyToOrder(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await addToCart(page, fixture.shop.url, simpleProduct());
    await page.goto(`${fixture.shop.url}/cart`);
    await checkoutToReview(page);
    return page;
  }

  const stateText = (page: Page) => page.getByTestId('order-state').first().textContent();

  it('keeps an order placed offline across a reload and delivers it once when the network is back', async () => {
    const context = await fixture.browser.newContext();
    const page = await readyToOrder(context);
    // The service worker must hold the shell before the network goes, or the reload has nothing.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect.poll(() => stateText(page)).toBe('Wird gesendet, sobald du online bist');
    const key = orderKeyOf(page);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId('cart-count').textContent()).toMatch(/^0?$/);

    await page.reload();
    await expect.poll(() => stateText(page)).toBe('Wird gesendet, sobald du online bist');
    expect(serverOrders(fixture.dbPath, key)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => stateText(page), { timeout: 15_000 }).toBe('Bestätigt');
    const stored = serverOrders(fixture.dbPath, key);
    expect(stored).toHaveLength(1);
    expect(await page.getByTestId('order-number').textContent()).toBe(stored[0]?.id);
    await context.close();
  });

  it('retries while the server answers 503, and stores one order', async () => {
    // Blocked service workers let route interception see every request the page makes.
    const context = await fixture.browser.newContext({ serviceWorkers: 'block' });
    const posts: number[] = [];
    await context.route('**/api/orders', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts.push(Date.now());
      if (posts.length <= 2) {
        return route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: 'unavailable',
            message: 'Bestellungen können gerade nicht gespeichert werden.',
          }),
        });
      }
      return route.continue();
    });
    const page = await readyToOrder(context);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect.poll(() => stateText(page), { timeout: 20_000 }).toBe('Bestätigt');
    expect(posts).toHaveLength(3);
    // Each retry waited longer than the one before (backoff), with nothing lost in between.
    expect(posts[2]! - posts[1]!).toBeGreaterThan(posts[1]! - posts[0]! - 300);
    expect(serverOrders(fixture.dbPath, orderKeyOf(page))).toHaveLength(1);
    await context.close();
  });

  it('sends from one tab only when two tabs come back online together', async () => {
    const context = await fixture.browser.newContext({ serviceWorkers: 'block' });
    const posts: string[] = [];
    await context.route('**/api/orders', (route) => {
      if (route.request().method() === 'POST') posts.push(route.request().headers()['idempotency-key'] ?? '');
      return route.continue();
    });
    const first = await readyToOrder(context);
    const second = await context.newPage();
    await second.goto(`${fixture.shop.url}/orders`);
    await context.setOffline(true);
    await first.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect.poll(() => stateText(first)).toBe('Wird gesendet, sobald du online bist');
    const key = orderKeyOf(first);
    // The other tab hears of the order through the outbox channel.
    await expect.poll(() => stateText(second)).toBe('Wird gesendet, sobald du online bist');
    posts.length = 0;

    await context.setOffline(false);
    await expect.poll(() => stateText(first), { timeout: 15_000 }).toBe('Bestätigt');
    await expect.poll(() => stateText(second)).toBe('Bestätigt');
    expect(posts.filter((k) => k === key)).toHaveLength(1);
    expect(serverOrders(fixture.dbPath, key)).toHaveLength(1);
    await context.close();
  });
});
