import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile } from './support/browser.js';
import { startShop } from './support/server.js';
import { builtCatalog, simpleProducts } from './support/catalog.js';
import { cartCount, waitForServiceWorker } from './support/service-worker.js';
import type { RunningServer } from '../../src/server/main.js';

/** The lines of the cart page, in order, as the titles of the products they link to. */
const cartTitles = async (page: Page): Promise<string[]> =>
  page.getByRole('list', { name: 'Artikel im Warenkorb' }).locator('a.title').allTextContents();

describe('the cart in a browser profile that is closed, reopened or crashes', () => {
  let shop: RunningServer;
  let profile: string;
  let context: BrowserContext | undefined;
  const products = () => simpleProducts(builtCatalog());

  const open = async (path = '/') => {
    context = await launchProfile(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(shop.url + path);
    return page;
  };

  beforeAll(async () => {
    shop = await startShop();
    profile = mkdtempSync(join(tmpdir(), 'laden-profile-'));
  });

  afterAll(async () => {
    await context?.close();
    await shop?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('keeps the cart when the browser is closed and opened again, even offline', async () => {
    const [product] = products();
    let page = await open(`/p/${product!.slug}`);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect.poll(() => cartCount(page)).toBe('1');
    await context!.close();

    page = await open('/cart');
    await expect.poll(() => cartCount(page)).toBe('1');
    await context!.setOffline(true);
    await page.reload();
    await expect.poll(() => cartTitles(page)).toEqual([expect.stringContaining(product!.title)]);
    await context!.close();
  });

  it('finds a whole cart, the old one or the new one, after the tab crashed mid-write', async () => {
    const sequence = products().slice(1, 41);
    let page = await open('/');
    await expect.poll(() => cartCount(page)).toBe('1');
    // Forty adds fired at once through the shop's own cart service, then the renderer dies
    // while they are still being written.
    await page.evaluate(
      (ids) => {
        const app = document.querySelector('shop-app') as unknown as {
          cartService: { add(line: { productId: string; quantity: number }): Promise<void> };
        };
        for (const productId of ids) void app.cartService.add({ productId, quantity: 1 });
      },
      sequence.map((p) => p.id),
    );
    const cdp = await context!.newCDPSession(page);
    await Promise.race([cdp.send('Page.crash').catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    await context!.close().catch(() => undefined);

    page = await open('/cart');
    const lines = page.getByRole('list', { name: 'Artikel im Warenkorb' });
    await expect.poll(() => lines.count()).toBe(1);
    // A line whose card is still on its way from the listing says so; wait until every one is named.
    await expect.poll(() => lines.locator('li[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);
    const count = Number(await cartCount(page));
    const titles = await cartTitles(page);
    expect(titles).toHaveLength(count);
    // Whatever got saved is a prefix of the sequence: no gap, no half-written line, no repair needed.
    const expected = [products()[0]!, ...sequence.slice(0, count - 1)].map((p) => p.title);
    expect(titles.map((t) => expected.find((title) => t.includes(title)))).toEqual(expected);
    expect(await page.getByTestId('storage-notice').count()).toBe(0);
    await context!.close();
  });
});
