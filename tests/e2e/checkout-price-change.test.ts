import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { distDir, startShop } from './support/server.js';
import type { RunningServer } from '../../src/server/main.js';
import { formatEuro } from '../../src/domain/money.js';
import {
  addToCart,
  builtCatalog,
  checkoutToReview,
  orderKeyOf,
  serverOrders,
  simpleProduct,
} from './checkout-helpers.js';

describe('a price change between cart and order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laden-price-change-'));
  const dbPath = join(dir, 'orders.sqlite');
  const catalog = builtCatalog();
  const product = simpleProduct(catalog, 1);
  let shop: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    // The server prices with a catalog where the product went up by 1,00 €; the shop still shows the old price.
    const changed = {
      ...catalog,
      products: catalog.products.map((p) => (p.id === product.id ? { ...p, price: p.price + 100 } : p)),
    };
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(changed));
    copyFileSync(join(distDir, 'data', 'rules.json'), join(dir, 'rules.json'));
    shop = await startShop({ orders: { dbPath, catalogPath: join(dir, 'catalog.json') } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows what changed, and orders at the new price only when the shopper asks again', async () => {
    const page = await browser.newPage();
    await addToCart(page, shop.url, product);
    await page.goto(`${shop.url}/cart`);
    await checkoutToReview(page);
    const seen = (await page.getByTestId('cart-total').textContent())?.trim();
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();

    await expect.poll(() => page.getByTestId('order-state').textContent(), { timeout: 15_000 }).toBe('Abgelehnt');
    const rejectedKey = orderKeyOf(page);
    expect(await page.getByTestId('rejection-reason').textContent()).toMatch(/Preise haben sich geändert/);
    expect((await page.getByTestId('old-total').textContent())?.trim()).toBe(seen);
    const now = (await page.getByTestId('new-total').textContent())?.trim();
    expect(now).not.toBe(seen);
    const changes = page.getByRole('table', { name: 'Was sich geändert hat' });
    expect(
      await changes
        .getByRole('row', { name: new RegExp(product.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
        .count(),
    ).toBe(1);
    expect(serverOrders(dbPath)).toEqual([]);

    await page.getByRole('button', { name: 'Zum neuen Preis zahlungspflichtig bestellen' }).click();
    await expect.poll(() => page.getByTestId('order-state').textContent(), { timeout: 15_000 }).toBe('Bestätigt');
    const stored = serverOrders(dbPath);
    expect(stored).toHaveLength(1);
    expect(formatEuro(stored[0]!.total_cents)).toBe(now);
    expect(orderKeyOf(page)).not.toBe(rejectedKey);

    // The rejected order stays in the history, marked as ordered again.
    await page.goto(`${shop.url}/orders`);
    await expect
      .poll(() => page.getByTestId('order-state').allTextContents())
      .toEqual(['Bestätigt', 'Abgelehnt, neu bestellt']);
    await page.close();
  });

  it('brings the articles of a rejected order back into the cart for review', async () => {
    const page = await browser.newPage();
    await addToCart(page, shop.url, product);
    await page.goto(`${shop.url}/cart`);
    await checkoutToReview(page);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await expect.poll(() => page.getByTestId('order-state').textContent(), { timeout: 15_000 }).toBe('Abgelehnt');
    await page.getByRole('button', { name: 'Warenkorb prüfen' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/cart');
    await expect
      .poll(() => page.getByRole('list', { name: 'Artikel im Warenkorb' }).textContent())
      .toContain(product.title);
    await page.close();
  });
});
