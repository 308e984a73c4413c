import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startShop } from './support/server.js';
import type { RunningServer } from '../../src/server/main.js';

interface CatalogProduct {
  title: string;
  slug: string;
}

describe('searching as you type in the built shop', () => {
  let shop: RunningServer;
  let browser: Browser;
  let products: CatalogProduct[];

  beforeAll(async () => {
    shop = await startShop();
    browser = await launchBrowser();
    products = ((await (await fetch(`${shop.url}/data/catalog.json`)).json()) as { products: CatalogProduct[] })
      .products;
  });

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(shop.url + '/');
    return page;
  }

  it('suggests a product for a misspelt fragment and opens it with the keyboard', async () => {
    const page = await open();
    const box = page.getByRole('combobox');
    await box.pressSequentially('kafemühle', { delay: 30 });
    const options = page.getByRole('listbox', { name: 'Vorschläge' }).getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    await expect.poll(() => options.first().textContent()).toContain('Kaffeemühle');
    await box.press('ArrowDown');
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toBe('option-0');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/p\/kaffeemuehle/);
    const opened = products.find((p) => `/p/${p.slug}` === new URL(page.url()).pathname)!;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(opened.title);
    await page.close();
  });

  it('shows the full result list for Enter, and Escape closes the suggestions', async () => {
    const page = await open();
    const box = page.getByRole('combobox');
    await box.pressSequentially('rucksack', { delay: 20 });
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
    await box.press('Escape');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/search?q=rucksack');
    const results = page.getByRole('list', { name: 'Suchergebnisse' });
    await expect.poll(() => results.getByRole('listitem').count()).toBeGreaterThan(0);
    // "rucksack" finds the compound "Wanderrucksack".
    await expect.poll(() => results.textContent()).toMatch(/Wanderrucksack/);
    await page.close();
  });

  it('answers from the server while the device index is still on its way', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // The index never arrives: every suggestion must come from GET /api/search.
    await page.route('**/data/search-index.bin', () => undefined);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/search?')) asked.push(request.url());
    });
    await page.goto(shop.url + '/');
    const box = page.getByRole('combobox');
    await box.pressSequentially('kafemühle', { delay: 30 });
    const options = page.getByRole('listbox', { name: 'Vorschläge' }).getByRole('option');
    await expect.poll(() => options.first().textContent()).toContain('Kaffeemühle');
    expect(asked.length).toBeGreaterThan(0);
    await box.press('Enter');
    const results = page.getByRole('list', { name: 'Suchergebnisse' });
    await expect.poll(() => results.getByRole('listitem').count()).toBeGreaterThan(0);
    await expect.poll(() => results.locator('mark').first().textContent()).toMatch(/Kaffeemühle/i);
    await context.close();
  });

  it('answers without the whole catalog: from the server at once, then from the device with the listing’s cards', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // catalog.json never arrives (what a 100,000-product catalog looks like on a phone): search must not wait for it.
    await page.route('**/data/catalog.json', () => undefined);
    await page.goto(shop.url + '/');
    const box = page.getByRole('combobox', { name: 'Produkte suchen' });
    const options = page.getByRole('listbox', { name: 'Vorschläge' }).getByRole('option');
    await box.pressSequentially('kafemühle', { delay: 30 });
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => options.first().textContent()).toContain('Kaffeemühle');
    await box.fill('rucksack');
    await box.press('Enter');
    const results = page.getByRole('list', { name: 'Suchergebnisse' });
    await expect.poll(() => results.getByRole('listitem').count()).toBeGreaterThan(0);
    await expect.poll(() => results.textContent()).toMatch(/Wanderrucksack/);

    // The listing is stored, then the server goes away: the device answers, its cards from the listing.
    await expect.poll(() => page.getByText(/Offline verfügbar: alle/).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.route('**/api/search?*', (route) => route.abort('internetdisconnected'));
    const expected = products.find((p) => /Zelt/.test(p.title))!;
    await box.fill('');
    await box.pressSequentially(expected.title, { delay: 20 });
    await expect.poll(() => options.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => options.first().textContent()).toContain(expected.title);
    await expect.poll(() => options.first().locator('shop-image').getAttribute('src')).toMatch(/^\/data\//);
    await context.close();
  });

  it('says that search works offline only once the catalog was loaded, on a first visit without network', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/data/search-index.bin', (route) => route.abort('internetdisconnected'));
    await page.route('**/api/search?*', (route) => route.abort('internetdisconnected'));
    await page.goto(shop.url + '/search?q=rucksack');
    const note = page.getByRole('alert').filter({ hasText: 'Die Suche ist offline erst verfügbar' });
    await expect.poll(() => note.isVisible(), { timeout: 10_000 }).toBe(true);
    await context.close();
  });
});
