import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { distDir } from './support/server.js';
import { useShopAndBrowser } from './support/shop-and-browser.js';
import { cacheNames, waitForServiceWorker } from './support/service-worker.js';

/** Strings only back-office code contains: its elements, its API, its sign-in, the WebAuthn client. */
const ADMIN_MARKERS = ['admin-app', 'admin-login-page', '/api/admin', 'Mit Passkey anmelden', 'startAuthentication'];

/** The precache manifest the build injected into the service worker. */
function precachedUrls(): string[] {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
}

/** Every script the storefront's page loads, following static and dynamic imports from index.html. */
function storefrontScripts(): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const m of code.matchAll(/["'(/]((?:\.\/|assets\/)?[\w./-]+\.js)["')]/g)) {
      const name = m[1]!.replace(/^\.\//, '').replace(/^assets\//, '');
      if (existsSync(join(distDir, 'assets', name))) queue.push(`assets/${name}`);
    }
  }
  return [...seen];
}

describe('the back office stays out of the storefront', () => {
  const fixture = useShopAndBrowser();

  it('builds its own entry under assets/admin/, which the storefront never loads', () => {
    const adminHtml = readFileSync(join(distDir, 'admin.html'), 'utf8');
    expect(adminHtml).toMatch(/src="\/assets\/admin\/admin-[\w-]+\.js"/);
    expect(adminHtml).not.toContain('manifest.webmanifest');

    const scripts = storefrontScripts();
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      expect(file).not.toMatch(/^assets\/admin\//);
      const code = readFileSync(join(distDir, file), 'utf8');
      for (const marker of ADMIN_MARKERS) expect(code.includes(marker), `${marker} in ${file}`).toBe(false);
    }
  });

  it('precaches nothing of it', () => {
    const urls = precachedUrls();
    expect(urls).toContain('index.html');
    expect(urls.filter((u) => /admin/.test(u))).toEqual([]);
    for (const url of urls.filter((u) => /\.(js|html|css)$/.test(u))) {
      const text = readFileSync(join(distDir, url), 'utf8');
      for (const marker of ADMIN_MARKERS) expect(text.includes(marker), `${marker} in ${url}`).toBe(false);
    }
  });

  it('serves admin.html for /admin and /admin/…, never cached', async () => {
    for (const path of ['/admin', '/admin/', '/admin/login', '/admin/orders/L-ABCDE-FGHIJ']) {
      const response = await fetch(fixture.shop.url + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const html = await response.text();
      expect(html, path).toContain('<admin-app>');
      expect(html, path).not.toContain('<shop-app>');
    }
    expect(await (await fetch(`${fixture.shop.url}/administration`)).text()).toContain('<shop-app>');
  });

  it("is not answered from the shop's service worker: offline, /admin is no shop page", async () => {
    const context = await fixture.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${fixture.shop.url}/`);
    await waitForServiceWorker(page);

    await page.goto(`${fixture.shop.url}/admin/login`);
    await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The back office's scripts and API calls went past every cache.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.filter((u) => u.includes('admin'))).toEqual([]);
    expect(await cacheNames(page)).not.toContain('admin');

    // Offline, the sign-in page that is open says it needs a connection …
    await context.setOffline(true);
    await page.getByText('Für die Anmeldung braucht die Verwaltung eine Internetverbindung.').waitFor();
    expect(await page.getByRole('button', { name: 'Anmelden', exact: true }).isDisabled()).toBe(true);
    // … and loading /admin again finds no copy: the worker leaves it to the (absent) network.
    await expect(page.goto(`${fixture.shop.url}/admin/orders`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    // The shop itself still opens offline, in a new tab as a shopper would open it.
    const shopPage = await context.newPage();
    await shopPage.goto(`${fixture.shop.url}/`);
    await shopPage.locator('shop-app main').waitFor();
    await context.close();
  });
});
