import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useShopAndBrowser } from './support/shop-and-browser.js';

describe('a shopping trip through the built shop', () => {
  const fixture = useShopAndBrowser();

  async function open(path: string): Promise<Page> {
    const page = await fixture.browser.newPage();
    await page.goto(fixture.shop.url + path);
    return page;
  }

  it('browses home -> category -> product, adds to the cart and finds it again after a reload', async () => {
    const page = await open('/');
    await page.getByRole('navigation', { name: 'Kategorien' }).getByRole('link').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/c\//);
    const firstProduct = page.getByRole('list').getByRole('heading', { level: 3 }).getByRole('link').first();
    const title = (await firstProduct.textContent())?.trim() ?? '';
    await firstProduct.click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/p\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);

    // Pick the first variant that can be bought, where the product has variants.
    const add = page.getByRole('button', { name: 'In den Warenkorb' });
    await add.click();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('1');

    await page
      .getByRole('link', { name: /Warenkorb/ })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/cart');
    await expect.poll(() => page.getByRole('list', { name: 'Artikel im Warenkorb' }).textContent()).toContain(title);

    await page.reload();
    await expect.poll(() => page.getByRole('list', { name: 'Artikel im Warenkorb' }).textContent()).toContain(title);
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('1');
    await page.close();
  });

  it('changes quantities in the cart and shows the total in German format', async () => {
    const page = await open('/');
    const card = page.getByRole('list', { name: 'Beliebte Produkte' }).getByRole('link').first();
    await card.click();
    await page.getByRole('button', { name: 'In den Warenkorb' }).click();
    // The cart is written to IndexedDB after the click: leaving the page before it is would lose it.
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('1');
    await page.goto(fixture.shop.url + '/cart');
    await page.getByRole('button', { name: 'Eins mehr' }).first().click();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('2');
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\s€$/);
    await page.close();
  });

  it('serves every view at its own URL on a cold load (deep links)', async () => {
    const catalog = (await (await fetch(`${fixture.shop.url}/data/catalog.json`)).json()) as {
      categories: { slug: string; name: string }[];
      products: { slug: string; title: string }[];
    };
    const category = catalog.categories[0]!;
    const product = catalog.products[0]!;
    for (const [path, heading] of [
      [`/c/${category.slug}`, category.name],
      [`/p/${product.slug}`, product.title],
      ['/cart', 'Warenkorb'],
      ['/gibt-es-nicht', 'Seite nicht gefunden'],
    ] as const) {
      const page = await open(path);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe(heading);
      await page.close();
    }
  });
});
