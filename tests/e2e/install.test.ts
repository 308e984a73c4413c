import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchProfile } from './support/browser.js';
import { startShop } from './support/server.js';
import { waitForServiceWorker } from './support/service-worker.js';
import type { RunningServer } from '../../src/server/main.js';

interface ManifestImage {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
  form_factor?: string;
}

describe('installing the shop as an app', () => {
  let shop: RunningServer;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    shop = await startShop();
    // A real profile: Chromium never offers installing from an incognito context.
    profile = mkdtempSync(join(tmpdir(), 'laden-install-'));
    context = await launchProfile(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(shop.url + '/');
    await waitForServiceWorker(page);
  });

  afterAll(async () => {
    await context?.close();
    await shop?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('has a complete manifest, linked from the page and served as a manifest', async () => {
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const response = await fetch(new URL(href ?? '', shop.url));
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      id: '/',
      name: expect.stringContaining('Laden'),
      short_name: 'Laden',
      description: expect.any(String),
      start_url: '/',
      scope: '/',
      display: 'standalone',
      lang: 'de-DE',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    const shortcuts = manifest['shortcuts'] as { url: string }[];
    expect(shortcuts.map((s) => s.url)).toEqual(['/cart', '/search']);
  });

  it('serves the service worker, the page and the manifest for revalidation on every load', async () => {
    for (const [path, type] of [
      ['/sw.js', /javascript/],
      ['/', /text\/html/],
      ['/manifest.webmanifest', /manifest\+json/],
    ] as const) {
      const response = await fetch(shop.url + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(type);
      // Otherwise a browser could keep an old worker for up to a day and never see an update.
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('ships every icon and screenshot the manifest names, at the size it claims', async () => {
    const manifest = (await (await fetch(`${shop.url}/manifest.webmanifest`)).json()) as {
      icons: ManifestImage[];
      screenshots: ManifestImage[];
    };
    const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
    expect(purposes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const image of [...manifest.icons, ...manifest.screenshots]) {
      const response = await fetch(new URL(image.src, shop.url));
      expect(response.status, image.src).toBe(200);
      expect(response.headers.get('content-type'), image.src).toBe(image.type);
      const { width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(`${width}x${height}`, image.src).toBe(image.sizes);
    }
  });

  it('meets every installability criterion of Chromium', async () => {
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const { url, errors } = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(url).toBe(`${shop.url}/manifest.webmanifest`);
    expect(errors).toEqual([]);
  });

  it('offers an install button once Chromium offers installing, and takes it away when used', async () => {
    const button = page.getByRole('button', { name: 'App installieren' });
    // Chromium's own beforeinstallprompt: the shop meets its criteria, so the button appears.
    await expect.poll(() => button.isVisible(), { timeout: 10_000 }).toBe(true);
    await button.click();
    // A prompt can be shown once; the button goes until the browser offers installing again.
    await expect.poll(() => button.count()).toBe(0);
  });

  it('shows the install button on a phone without moving anything in the header', async () => {
    await page.setViewportSize({ width: 412, height: 823 });
    const button = page.getByRole('button', { name: 'Installieren' });
    await expect.poll(() => button.count()).toBe(0);
    // Watching from here on: the resize above has been laid out by the time the observer reports.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const shifts: number[] = [];
          (window as unknown as { shifts: number[] }).shifts = shifts;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
          }).observe({ type: 'layout-shift' });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        }),
    );
    await page.evaluate(() => {
      window.dispatchEvent(Object.assign(new Event('beforeinstallprompt'), { prompt: async () => undefined }));
    });
    await expect.poll(() => button.isVisible()).toBe(true);
    const shifts = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => resolve((window as unknown as { shifts: number[] }).shifts)),
          ),
        ),
    );
    expect(shifts).toEqual([]);
  });

  it('hides the install button for good once the app is installed', async () => {
    const button = page.getByRole('button', { name: 'App installieren' });
    await page.evaluate(() => {
      window.dispatchEvent(Object.assign(new Event('beforeinstallprompt'), { prompt: async () => undefined }));
    });
    await expect.poll(() => button.isVisible()).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await expect.poll(() => button.count()).toBe(0);
  });
});
