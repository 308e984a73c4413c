import { describe, expect, it } from 'vitest';
import { cacheNames, waitForServiceWorker } from './support/service-worker.js';
import { setStock, stockItem } from '../../src/server/db/stock-store.js';
import {
  addToCart,
  builtCatalog,
  checkoutToReview,
  orderKeyOf,
  serverOrders,
  simpleProduct,
  useShopWithOrders,
} from './checkout-helpers.js';

describe('stock in the shop', () => {
  const env = useShopWithOrders('stock');
  const product = simpleProduct(builtCatalog(), 2);

  it('shows the live "Nur noch 2", refuses 3 with a clear notice, and orders the 2 that are there', async () => {
    // The catalog says more; the database (the truth) has 2 left.
    expect(product.stock).toBeGreaterThan(5);
    await env.shop.data.transaction((trx) => setStock(trx, product.id, 2));

    // Uncaught errors in the page fail the test through tests/e2e/support/page-errors.setup.ts.
    const page = await env.browser.newPage();
    await addToCart(page, env.shop.url, product);
    await page.getByText('Nur noch 2 auf Lager').waitFor();

    await page.goto(`${env.shop.url}/cart`);
    const cart = page.getByRole('list', { name: 'Artikel im Warenkorb' });
    await cart.getByText('Nur noch 2 auf Lager').waitFor();
    const more = cart.getByRole('button', { name: 'Eins mehr' });
    await more.click();
    await more.click();
    await expect.poll(() => cart.getByRole('spinbutton').inputValue()).toBe('3');

    await checkoutToReview(page);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect.poll(() => page.getByTestId('order-state').textContent(), { timeout: 15_000 }).toBe('Abgelehnt');
    const refusedKey = orderKeyOf(page);
    expect(await page.getByTestId('rejection-reason').textContent()).toMatch(/nur noch 2 verfügbar \(bestellt: 3\)/);
    const shortage = page.getByTestId('stock-shortage');
    expect(await shortage.getByRole('row', { name: product.title }).getByRole('cell').allTextContents()).toEqual([
      '3',
      '2',
    ]);
    expect(serverOrders(env.dbPath)).toEqual([]);
    expect((await stockItem(env.shop.data.db, product.id))?.available).toBe(2);

    await page.getByRole('button', { name: 'Auf verfügbare Mengen reduzieren' }).click();
    const reduced = page.getByTestId('reduced-order');
    await reduced.getByText('2 ×').waitFor();
    await reduced.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect.poll(() => page.getByTestId('order-state').textContent(), { timeout: 15_000 }).toBe('Bestätigt');
    expect(orderKeyOf(page)).not.toBe(refusedKey);
    expect(serverOrders(env.dbPath)).toHaveLength(1);
    expect((await stockItem(env.shop.data.db, product.id))?.available).toBe(0);

    // The product page follows: the last units are gone.
    await page.goto(`${env.shop.url}/p/${product.slug}`);
    await page.getByText('Ausverkauft').waitFor();
    expect(await page.getByRole('button', { name: 'In den Warenkorb' }).isDisabled()).toBe(true);
    await page.close();
  });

  it('offline shows the last known state with its time, and the live one again once online', async () => {
    const other = simpleProduct(builtCatalog(), 3);
    await env.shop.data.transaction((trx) => setStock(trx, other.id, 3));
    const context = await env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    await page.goto(`${env.shop.url}/p/${other.slug}`);
    await waitForServiceWorker(page);
    // Loaded again under the service worker, which now answers /api/stock.
    await page.reload();
    const state = page.locator('shop-product-page .buy shop-stock-state');
    const shown = () => state.evaluate((el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim());
    await expect.poll(shown).toBe('Nur noch 3 auf Lager');
    // The service worker answered through its network-first route and kept a copy.
    await expect.poll(() => cacheNames(page)).toContain('laden-stock');

    await context.setOffline(true);
    await page.reload();
    await expect.poll(shown).toMatch(/^Nur noch 3 auf Lager Stand: \d\d:\d\d Uhr$/);

    // Sold out meanwhile; back online the page asks again at once.
    await env.shop.data.transaction((trx) => setStock(trx, other.id, 0));
    await context.setOffline(false);
    await expect.poll(shown, { timeout: 15_000 }).toBe('Ausverkauft');
    await context.close();
  });
});
