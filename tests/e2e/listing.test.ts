import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startShop } from './support/server.js';
import { builtCatalog } from './support/catalog.js';
import type { RunningServer } from '../../src/server/main.js';
import type { Catalog } from '../../src/domain/catalog.js';
import { formatEuro } from '../../src/domain/money.js';

/**
 * The first view of home, category and product pages comes from the shipped listing alone: the
 * whole catalog (catalog.json) is held back here, and the pages still show their products.
 */
describe('first views from the shipped listing', () => {
  let shop: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let catalog: Catalog;
  let requested: string[];

  beforeAll(async () => {
    shop = await startShop();
    catalog = builtCatalog();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  beforeEach(async () => {
    await context?.close();
    // No service worker: every request reaches the network, where catalog.json never arrives.
    context = await browser.newContext({ locale: 'de-DE', serviceWorkers: 'block' });
    page = await context.newPage();
    requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.route('**/data/catalog.json', (route) => route.abort());
  });

  const heading = () => page.getByRole('heading', { level: 1 }).textContent();

  it('shows the home page with its best-rated products', async () => {
    await page.goto(shop.url + '/');
    const popular = page.getByRole('list', { name: 'Beliebte Produkte' });
    await expect.poll(() => popular.getByRole('listitem').count()).toBe(12);
    const score = (p: Catalog['products'][number]) => p.rating * Math.log1p(p.ratingCount);
    const best = catalog.products
      .filter((p) => p.stock > 0)
      .sort((a, b) => score(b) - score(a))
      .slice(0, 12)
      .map((p) => p.title);
    const titles = await popular.getByRole('heading', { level: 3 }).allTextContents();
    expect(titles.map((t) => t.trim())).toEqual(best);
    expect(requested).toContain('/data/shop/manifest.json');
  });

  it("shows a category's products from its shard, most rated first", async () => {
    const category = catalog.categories[1]!;
    await page.goto(`${shop.url}/c/${category.slug}`);
    await expect.poll(heading).toBe(category.name);
    const expected = catalog.products
      .filter((p) => p.category === category.id)
      .sort((a, b) => b.ratingCount - a.ratingCount)
      .slice(0, 3)
      .map((p) => p.title);
    const grid = page.getByRole('list', { name: category.name });
    await expect.poll(() => grid.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(2);
    const titles = await grid.getByRole('heading', { level: 3 }).allTextContents();
    expect(titles.slice(0, 3).map((t) => t.trim())).toEqual(expected);
  });

  it('shows a product page with its description from its details bucket', async () => {
    const product = catalog.products.find((p) => p.variants && p.variants.length > 1)!;
    await page.goto(`${shop.url}/p/${product.slug}`);
    await expect.poll(heading).toBe(product.title);
    await expect.poll(() => page.getByText(product.description).isVisible()).toBe(true);
    expect(await page.getByText(formatEuro(product.price)).first().isVisible()).toBe(true);
    expect(requested.filter((path) => /^\/data\/shop\/[0-9a-f]{16}\/details\//.test(path))).toHaveLength(1);
    // Nothing the shop shows needs the whole catalog: not even once the listing is on the device.
    await expect.poll(() => page.getByText(/Offline verfügbar: alle/).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(requested).not.toContain('/data/catalog.json');
  });

  it("fetches a product's details when the shopper points at its card", async () => {
    const category = catalog.categories[0]!;
    await page.goto(`${shop.url}/c/${category.slug}`);
    const grid = page.getByRole('list', { name: category.name });
    await grid.getByRole('listitem').first().waitFor();
    const details = () => requested.filter((path) => path.includes('/details/')).length;
    expect(details()).toBe(0);
    await grid.getByRole('listitem').first().hover();
    await expect.poll(details).toBe(1);
  });

  it('says so when a product does not exist', async () => {
    await page.goto(`${shop.url}/p/gibt-es-nicht`);
    await expect.poll(heading).toBe('Produkt nicht gefunden');
  });
});
