import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startShop } from './support/server.js';
import { builtCatalog, simpleProducts } from './support/catalog.js';
import { cartCount, waitForServiceWorker } from './support/service-worker.js';
import type { RunningServer } from '../../src/server/main.js';
import type { Catalog } from '../../src/domain/catalog.js';
import { formatEuro } from '../../src/domain/money.js';

describe('the shop offline', () => {
  let shop: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let catalog: Catalog;
  const errors: Error[] = [];

  beforeAll(async () => {
    shop = await startShop();
    catalog = builtCatalog();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'de-DE' });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(shop.url + '/');
    await waitForServiceWorker(page);
    // The search index is not precached: it is kept when the search worker fetches it, shortly after
    // the first view. Offline search needs that to have happened.
    // A later start of the search may fetch it once more, and the kept copy is replaced only once
    // that fetch ends: wait until it has stayed in place for a while.
    const kept = () =>
      page.waitForFunction(
        async () => (await (await caches.open('laden-search-index')).keys()).length === 1,
        undefined,
        {
          timeout: 20_000,
          polling: 200,
        },
      );
    await kept();
    for (let still = 0; still < 3; still++) {
      await page.waitForTimeout(1000);
      await kept();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  const visit = async (path: string) => {
    await page.goto(shop.url + path);
    await page.locator('main').waitFor();
  };
  const heading = () => page.getByRole('heading', { level: 1 }).textContent();

  it('opens home, a category and a product never opened before after reloading without a network', async () => {
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('network-status').textContent()).toContain('Offline');
    await expect.poll(() => page.getByText('Sie sind offline.').isVisible()).toBe(true);
    // The explanation can be put away; the indicator stays.
    await page.getByRole('button', { name: 'Ausblenden' }).click();
    await expect.poll(() => page.getByText('Sie sind offline.').count()).toBe(0);
    expect(await page.getByTestId('network-status').textContent()).toContain('Offline');
    await expect
      .poll(() => page.getByRole('list', { name: 'Beliebte Produkte' }).getByRole('link').count())
      .toBeGreaterThan(0);

    const category = catalog.categories.at(-1)!;
    await visit(`/c/${category.slug}`);
    await expect.poll(heading).toBe(category.name);

    const unseen = catalog.products.filter((p) => p.category === category.id).at(-1)!;
    await visit(`/p/${unseen.slug}`);
    await expect.poll(heading).toBe(unseen.title);
    // Its photo was never loaded: a placeholder keeps the image's place instead of a broken image.
    const image = page.locator('shop-image').first();
    await expect.poll(async () => (await image.boundingBox())?.height ?? 0).toBeGreaterThan(50);
    await expect.poll(() => image.locator('.placeholder').isVisible(), { timeout: 5000 }).toBe(true);
    // Its card came with the listing; its description never reached the device, and the page says so.
    expect(await page.getByText('Details sind offline noch nicht verfügbar.').isVisible()).toBe(true);
    expect(await page.getByText(formatEuro(unseen.price)).first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows every card of every category offline once the listing is on the device', async () => {
    await context.setOffline(true);
    for (const category of catalog.categories) {
      await visit(`/c/${category.slug}`);
      await expect.poll(heading).toBe(category.name);
      const expected = catalog.products.filter((p) => p.category === category.id);
      // Every page of the category, through "Mehr anzeigen".
      const more = page.getByRole('button', { name: /Mehr anzeigen/ });
      while (await more.isVisible()) await more.click();
      const grid = page.getByRole('list', { name: category.name });
      await expect.poll(() => grid.getByRole('listitem').count()).toBe(expected.length);
      const titles = await grid.getByRole('heading', { level: 3 }).allTextContents();
      expect(titles.map((t) => t.trim()).sort()).toEqual(expected.map((p) => p.title).sort());
    }
    expect(errors).toEqual([]);
  });

  it.each([
    ['/checkout', 'Kasse'],
    ['/orders', 'Meine Bestellungen'],
    ['/wasm', 'WebAssembly in Laden'],
    ['/gibt-es-nicht/ueberhaupt', 'Seite nicht gefunden'],
  ])('loads %s offline, straight from the address bar', async (path, title) => {
    await context.setOffline(true);
    const response = await page.goto(shop.url + path);
    // Served by the service worker from its precache: the network is not there to ask.
    expect(response?.fromServiceWorker()).toBe(true);
    await expect.poll(heading).toBe(title);
    await expect.poll(() => page.getByTestId('network-status').textContent()).toContain('Offline');
    expect(errors).toEqual([]);
  });

  it('lists the products viewed last on the home page, offline too', async () => {
    await context.setOffline(true);
    const [a, b] = simpleProducts(catalog).slice(-2);
    for (const product of [a!, b!]) {
      await visit(`/p/${product.slug}`);
      await expect.poll(heading).toBe(product.title);
      // The view is written to IndexedDB once the page shows it: the next page opens after that.
      await expect
        .poll(() =>
          page.evaluate(
            (id) =>
              new Promise<boolean>((resolve) => {
                const open = indexedDB.open('laden');
                open.onsuccess = () => {
                  const get = open.result.transaction('recent').objectStore('recent').get(id);
                  get.onsuccess = () => resolve(get.result !== undefined);
                  get.onerror = () => resolve(false);
                };
                open.onerror = () => resolve(false);
              }),
            product.id,
          ),
        )
        .toBe(true);
    }
    await visit('/');
    const recent = page.getByRole('list', { name: 'Zuletzt angesehen' });
    await expect.poll(() => recent.getByText(b!.title).first().isVisible()).toBe(true);
    await expect.poll(() => recent.getByText(a!.title).first().isVisible()).toBe(true);
  });

  it('searches the catalog offline', async () => {
    await context.setOffline(true);
    const product = catalog.products[7]!;
    const word = product.title.split(' ')[0]!;
    await visit(`/search?q=${encodeURIComponent(word)}`);
    // The first query offline waits for the search worker to load the index from the cache.
    await expect.poll(() => page.getByText(product.title).first().isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('edits the cart and applies a coupon offline', async () => {
    await context.setOffline(true);
    // Dear enough for WILLKOMMEN10's minimum order of 20 €.
    const first = simpleProducts(catalog).find((p) => p.price >= 2500);
    await visit(`/p/${first!.slug}`);
    const before = Number(await cartCount(page));
    await page.getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect.poll(() => cartCount(page)).toBe(String(before + 1));
    await visit('/cart');
    await page.getByRole('button', { name: 'Eins mehr' }).first().click();
    await expect.poll(() => cartCount(page)).toBe(String(before + 2));
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toMatch(/\d,\d{2}\s€/);

    const coupon = page.getByRole('textbox', { name: /Gutschein/ });
    await coupon.fill('WILLKOMMEN10');
    await coupon.press('Enter');
    // Priced by the WASM engine in the page, with no server to ask.
    const applied = page.getByRole('list', { name: 'Gutscheine' }).locator('li[data-status="applied"]');
    await expect.poll(() => applied.count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('keeps the cart through a reload, going offline and coming back online', async () => {
    await context.setOffline(false);
    await visit('/cart');
    const count = await cartCount(page);
    expect(Number(count)).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => cartCount(page)).toBe(count);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => cartCount(page)).toBe(count);
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => cartCount(page)).toBe(count);
    await expect.poll(() => page.getByTestId('network-status').count()).toBe(0);
  });

  it('shows a change made in one tab in the other within a second', async () => {
    await context.setOffline(false);
    const other = await context.newPage();
    await other.goto(shop.url + '/cart');
    const start = Number(await cartCount(page));
    await expect.poll(() => cartCount(other)).toBe(String(start));
    const product = simpleProducts(catalog)[1]!;
    await visit(`/p/${product.slug}`);
    await page.getByRole('button', { name: 'In den Warenkorb' }).click();
    await expect.poll(() => cartCount(page)).toBe(String(start + 1));
    await expect.poll(() => cartCount(other), { timeout: 1000 }).toBe(String(start + 1));
    await expect.poll(() => other.getByText(product.title).first().isVisible(), { timeout: 1000 }).toBe(true);
    await other.close();
  });

  it('says in words that the disk is full, and keeps the cart it had', async () => {
    await context.setOffline(false);
    await visit('/');
    const count = await cartCount(page);
    // Chromium offers no switch for a full disk (Storage.overrideQuotaForOrigin has no effect on
    // IndexedDB here), so the page's IndexedDB refuses writes the way a full disk does.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      (window as unknown as { restorePut: () => void }).restorePut = () => (IDBObjectStore.prototype.put = put);
    });
    const product = simpleProducts(catalog)[2]!;
    await page.evaluate((href) => {
      history.pushState({}, '', href);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/p/${product.slug}`);
    await expect.poll(heading).toBe(product.title);
    await page.getByRole('button', { name: 'In den Warenkorb' }).click();
    const notice = page.getByTestId('storage-notice');
    await expect.poll(() => notice.textContent(), { timeout: 5000 }).toMatch(/Speicher dieses Geräts ist voll/);
    await expect.poll(() => notice.textContent()).toMatch(/bisheriger Warenkorb ist erhalten/);
    expect(await cartCount(page)).toBe(count);
    await page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut());
    await page.reload();
    await expect.poll(() => cartCount(page)).toBe(count);
  });
  it('repairs a hand-edited cart record with a notice instead of failing', async () => {
    await context.setOffline(false);
    const kept = simpleProducts(catalog)[3]!;
    await visit('/');
    await page.evaluate(async (productId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('laden');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('cart', 'readwrite');
      tx.objectStore('cart').put(
        {
          cart: {
            lines: [
              { productId, quantity: 2 },
              { productId: 'p99999', quantity: 1 },
              { productId: 'p00001', quantity: 'viele' },
            ],
            coupons: 'SOMMER',
            shipping: 'Rakete',
          },
          revision: 1000,
          savedAt: 0,
        },
        'current',
      );
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, kept.id);
    await page.reload();
    const notices = page.getByTestId('storage-notice');
    await expect
      .poll(() => notices.allTextContents())
      .toEqual([
        expect.stringContaining('Eine beschädigte Position im Warenkorb wurde entfernt.'),
        expect.stringContaining('Ein Artikel aus Ihrem Warenkorb ist nicht mehr im Sortiment und wurde entfernt.'),
      ]);
    await expect.poll(() => cartCount(page)).toBe('2');
    await page.reload();
    await expect.poll(() => cartCount(page)).toBe('2');
    expect(await notices.count()).toBe(0);
  });
  it('lets a newer version in another tab upgrade the database at once, and tells this tab to reload', async () => {
    const fresh = await browser.newContext({ locale: 'de-DE' });
    const older = await fresh.newPage();
    await older.goto(shop.url + '/cart');
    await expect.poll(() => cartCount(older)).toBe('0');
    const newer = await fresh.newPage();
    await newer.goto(shop.url + '/favicon.svg');
    // A later release opening the database at a higher version, while this tab holds it open.
    const upgraded = await newer.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('laden', 1000);
          request.onblocked = () => resolve('blocked');
          request.onerror = () => resolve(`failed: ${request.error?.name}`);
          request.onsuccess = () => {
            resolve(`opened ${request.result.version}`);
            request.result.close();
          };
          setTimeout(() => resolve('still waiting after 10 s'), 10_000);
        }),
    );
    expect(upgraded).toBe('opened 1000');
    await expect
      .poll(() => older.getByTestId('storage-notice').textContent())
      .toMatch(/in einem anderen Fenster aktualisiert/);
    await fresh.close();
  });
});
