import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { distDir, startShop } from './support/server.js';
import { builtCatalog, simpleProducts } from './support/catalog.js';
import { cacheNames, cartCount, waitForServiceWorker } from './support/service-worker.js';
import type { RunningServer } from '../../src/server/main.js';

const run = promisify(execFile);
const scriptOf = (dir: string): string =>
  /<script type="module" crossorigin src="([^"]+)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))![1]!;

describe('updating the installed shop', () => {
  let base: string;
  let live: string;
  let v2: string;
  let broken: string;
  /** The page script of each build, read once: the names differ between the two builds. */
  let v1Script: string;
  let v2Script: string;
  let shop: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** What the server serves from now on: the same origin, another build. */
  const deploy = (dir: string) => {
    unlinkSync(live);
    symlinkSync(dir, live);
  };
  const pageScript = () => page.evaluate(() => document.querySelector('script[type="module"]')?.getAttribute('src'));
  /** Asks the browser to check for a new worker now; resolves with how the new one ended. */
  const checkForUpdate = () =>
    page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      await registration.update().catch(() => undefined);
      const worker = registration.installing ?? registration.waiting;
      if (!worker) return 'no update';
      if (worker.state === 'installed' || worker.state === 'redundant') return worker.state;
      return new Promise<string>((resolve) =>
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' || worker.state === 'redundant') resolve(worker.state);
        }),
      );
    });

  beforeAll(async () => {
    v1Script = scriptOf(distDir);
    base = mkdtempSync(join(tmpdir(), 'laden-update-'));
    v2 = join(base, 'v2');
    // The second version: the same sources built with another version number, which changes the
    // app bundle and so the service worker's precache manifest.
    await run('npx', ['vite', 'build', '--outDir', v2, '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, LADEN_VERSION: '0.0.0-update-test' },
    });
    v2Script = scriptOf(v2);
    expect(v2Script).not.toBe(v1Script);
    // A deploy of it with one precached asset missing (answers 404); photos are not precached.
    broken = join(base, 'broken');
    cpSync(v2, broken, { recursive: true, filter: (src) => !src.includes('/data/images') });
    unlinkSync(join(broken, v2Script));
    live = join(base, 'live');
    symlinkSync(distDir, live);
    shop = await startShop({ distDir: live });
    browser = await launchBrowser();
    context = await browser.newContext();
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it('keeps the old version working when the new one cannot be installed', async () => {
    const product = simpleProducts(builtCatalog())[0]!;
    await page.goto(`${shop.url}/p/${product.slug}`);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect.poll(() => cartCount(page)).toBe('1');
    expect(await pageScript()).toBe(v1Script);

    deploy(broken);
    expect(await checkForUpdate()).toBe('redundant');
    expect(await page.getByText('Eine neue Version von Laden ist bereit.').count()).toBe(0);

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => cartCount(page)).toBe('1');
    expect(await pageScript()).toBe(v1Script);
    await context.setOffline(false);
  });

  it('offers a good update outside checkout, switches when the shopper accepts, keeps the cart and leaves no stale cache', async () => {
    const goto = (path: string) =>
      page.evaluate((href) => {
        history.pushState({}, '', href);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, path);
    await goto('/checkout');
    deploy(v2);
    expect(await checkForUpdate()).toBe('installed');
    const toast = page.getByText('Eine neue Version von Laden ist bereit.');
    // Checking out is never interrupted: the offer waits until the shopper leaves the checkout.
    await page.waitForTimeout(1000);
    expect(await toast.count()).toBe(0);
    await goto('/cart');
    await expect.poll(() => toast.isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Jetzt neu laden' }).click();
    // Activation of the new worker (and the reload it triggers) can take a while on a busy machine.
    await expect.poll(() => pageScript(), { timeout: 30_000 }).toBe(v2Script);
    await expect.poll(() => cartCount(page)).toBe('1');

    // The new worker serves the new shell offline, from its own precache.
    await context.setOffline(true);
    await page.reload();
    expect(await pageScript()).toBe(v2Script);
    await expect.poll(() => cartCount(page)).toBe('1');
    await context.setOffline(false);

    const names = await cacheNames(page);
    expect(names.filter((n) => n.startsWith('workbox-precache'))).toHaveLength(1);
    expect(names.every((n) => n.startsWith('workbox-precache') || n.startsWith('laden-'))).toBe(true);
    const precached = await page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.startsWith('workbox-precache'))!;
      return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    });
    expect(precached).toContain(v2Script);
    expect(precached).not.toContain(v1Script);
  });
});
