import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { main } from '../../src/cli/main.js';
import type { Catalog, Product } from '../../src/domain/catalog.js';
import { formatEuro } from '../../src/domain/money.js';
import type { RunningServer } from '../../src/server/main.js';
import { launchBrowser } from './support/browser.js';
import { builtCatalog, simpleProducts } from './support/catalog.js';
import { distDir, startShop } from './support/server.js';
import { cartCount, waitForServiceWorker } from './support/service-worker.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a catalog published while the shop is open', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laden-publish-e2e-'));
  const dbPath = join(dir, 'laden.sqlite');
  const media = join(dir, 'media');
  const catalog = builtCatalog();
  const product = simpleProducts(catalog)[3]!;
  /** In the cart, then no longer sold by the published catalog. */
  const dropped = simpleProducts(catalog)[4]!;
  /** Found by one word no product of the demo catalog has. */
  const added: Product = {
    ...product,
    id: 'neu-00001',
    slug: 'quokka-zitruspresse-edelstahl',
    title: 'Quokka Zitruspresse Edelstahl',
    description: 'Presst Zitronen und Orangen, neu im Sortiment.',
    tags: ['zitrus'],
  };
  let shop: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: Error[] = [];

  beforeAll(async () => {
    shop = await startShop({ orders: { dbPath }, mediaDir: media });
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'de-DE' });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(shop.url + '/');
    await waitForServiceWorker(page);
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => vi.restoreAllMocks());

  it('reaches the open, service-worker-controlled shop without an app update: new price and a vanished product in the cart, new product in search, offline too', async () => {
    // The old catalog in the cart.
    for (const [i, item] of [product, dropped].entries()) {
      await page.goto(`${shop.url}/p/${item.slug}`);
      await page.getByRole('button', { name: 'In den Warenkorb' }).click();
      await expect.poll(() => cartCount(page)).toBe(String(i + 1));
    }
    await page.goto(`${shop.url}/cart`);
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toMatch(/€/);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    const published: Catalog = {
      ...catalog,
      products: [
        ...catalog.products
          .filter((p) => p.id !== dropped.id)
          .map((p) => (p.id === product.id ? { ...p, price: p.price + 100 } : p)),
        added,
      ],
    };
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(published));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await main([
      'catalog',
      'publish',
      join(dir, 'catalog.json'),
      '--db',
      dbPath,
      '--media',
      media,
      '--dist',
      distDir,
    ]);
    expect(code).toBe(0);

    // The shopper comes back to the shop: it checks for a newer catalog.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const changes = page.getByTestId('cart-price-changes');
    await expect.poll(() => changes.isVisible(), { timeout: 15_000 }).toBe(true);
    // The product no longer sold leaves the cart, and the shop says so.
    await expect
      .poll(() => page.getByTestId('storage-notice').allTextContents())
      .toContainEqual(expect.stringContaining('Ein Artikel aus Ihrem Warenkorb ist nicht mehr im Sortiment'));
    await expect.poll(() => cartCount(page)).toBe('1');
    const row = changes.getByRole('row', { name: new RegExp(escape(product.title)) });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual([formatEuro(product.price), formatEuro(product.price + 100)]);
    await expect
      .poll(() => page.getByRole('list', { name: 'Artikel im Warenkorb' }).textContent())
      .toContain(`${formatEuro(product.price + 100)} / Stück`);

    const box = page.getByRole('combobox');
    await box.pressSequentially('quokka', { delay: 20 });
    const options = page.getByRole('listbox', { name: 'Vorschläge' }).getByRole('option');
    await expect.poll(() => options.first().textContent(), { timeout: 10_000 }).toContain(added.title);

    // Nothing was rebuilt: no new service worker, no update toast.
    expect(await page.getByText('Eine neue Version von Laden ist bereit.').count()).toBe(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBe(
      null,
    );

    // Offline, after a reload, the shop starts with the new catalog from its cache.
    await context.setOffline(true);
    await page.goto(`${shop.url}/search?q=quokka`);
    await expect.poll(() => page.getByText(added.title).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await page.goto(`${shop.url}/cart`);
    await expect
      .poll(() => page.getByRole('list', { name: 'Artikel im Warenkorb' }).textContent())
      .toContain(`${formatEuro(product.price + 100)} / Stück`);
    await context.setOffline(false);
    expect(errors).toEqual([]);
  });
});
