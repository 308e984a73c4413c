import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/domain/catalog.js';
import { formatEuro } from '../../src/domain/money.js';
import { readPublishedRules } from '../../src/domain/published-rules.js';
import { createPricingEngine } from '../../src/wasm/pricing.js';
import {
  builtCatalog,
  checkoutToReview,
  orderKeyOf,
  serverOrders,
  simpleProduct,
  useShopWithOrders,
} from './checkout-helpers.js';
import { distDir } from './support/server.js';

/** A product with variants whose variant chosen first on its page (the first in stock) is well stocked. */
function productWithVariants(products: Product[]): Product {
  const product = products.find((p) => (p.variants?.find((v) => v.stock > 0)?.stock ?? 0) > 5);
  if (!product) throw new Error('The built catalog has no product with a variant in stock');
  return product;
}

describe('the cart and the checkout without catalog.json', () => {
  const fixture = useShopWithOrders('cart-without-catalog');

  it('adds products with and without variants, takes a coupon and orders at the right total', async () => {
    const catalog = builtCatalog();
    const simple = simpleProduct(catalog);
    const varied = productWithVariants(catalog.products);
    const variant = varied.variants!.find((v) => v.stock > 0)!;
    // What the whole catalog prices this cart at, in Node: the figure the device must reach from its listing.
    const rules = readPublishedRules(readFileSync(join(distDir, 'data', 'rules.json'), 'utf8'));
    const engine = await createPricingEngine(catalog, rules);
    const cart = {
      lines: [
        { productId: simple.id, quantity: 1 },
        { productId: varied.id, variantId: variant.id, quantity: 1 },
      ],
      coupons: ['WILLKOMMEN10'],
      shipping: 'standard' as const,
    };
    const expected = engine.quote(cart);
    expect(expected.errors).toEqual([]);
    expect(expected.coupons[0]?.status).toBe('applied');

    // No service worker: it could answer the page's requests before the route sees them.
    const context = await fixture.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const asked: string[] = [];
    await page.route('**/catalog.json', (route) => {
      asked.push(route.request().url());
      return route.abort();
    });
    const errors: Error[] = [];
    page.on('pageerror', (e) => errors.push(e));

    for (const [i, product] of [simple, varied].entries()) {
      await page.goto(`${fixture.shop.url}/p/${product.slug}`);
      await page.getByRole('heading', { level: 1, name: product.title }).waitFor();
      await page.getByRole('button', { name: 'In den Warenkorb' }).click();
      // Written to IndexedDB after the click: the next page is opened once the header counts it.
      await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe(String(i + 1));
    }
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('2');

    await page.goto(`${fixture.shop.url}/cart`);
    await page.getByLabel('Gutscheincode').fill('willkommen10');
    await page.getByRole('button', { name: 'Einlösen' }).click();
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe(formatEuro(expected.total));
    const items = page.getByRole('list', { name: 'Artikel im Warenkorb' });
    await expect.poll(() => items.textContent()).toContain(variant.title);

    await checkoutToReview(page);
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe(formatEuro(expected.total));
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await page.getByRole('heading', { name: 'Bestellung bestätigt' }).waitFor();
    const stored = serverOrders(fixture.dbPath, orderKeyOf(page));
    expect(stored.map((o) => o.total_cents)).toEqual([expected.total]);
    await expect.poll(() => page.getByText(`${simple.title}`).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
