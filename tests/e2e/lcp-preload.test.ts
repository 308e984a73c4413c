import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtCatalog } from './support/catalog.js';
import { useShopAndBrowser } from './support/shop-and-browser.js';

// The page's largest picture is named in its HTML (src/server/lcp-preload.ts), so it downloads
// while the scripts do. Checked: the hint is there, its candidate is the one the page's <img> then
// shows (the sizes follow the layout), and no picture is fetched twice at two sizes.
const running = useShopAndBrowser();
const catalog = builtCatalog();
const product = catalog.products.find((p) => p.images.length > 0)!;

const VIEWPORTS = [
  // Lighthouse's phone, a small phone with a dense screen, a desktop.
  { name: 'phone 412 px ×1.75', viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 },
  { name: 'phone 360 px ×3', viewport: { width: 360, height: 740 }, deviceScaleFactor: 3 },
  { name: 'desktop 1280 px', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
];
const PAGES = [
  { name: 'category', path: '/c/kaffee-tee', hints: 2 },
  { name: 'product', path: `/p/${product.slug}`, hints: 1 },
  { name: 'search', path: '/search?q=rucksack', hints: 1 },
];

/** `…/thumbs/p00001-1-320.webp` and `…/images/p00001-1.jpg` both name picture `p00001-1`. */
const pictureOf = (url: string) => {
  const path = new URL(url).pathname;
  return (/\/thumbs\/([^/]+)-\d+\.webp$/.exec(path) ?? /\/images\/([^/]+)\.\w+$/.exec(path))?.[1];
};

/** The current source of every product picture in the page's shadow roots that is on screen. */
const shownSources = (tab: Page) =>
  tab.evaluate(() => {
    const found: string[] = [];
    const walk = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        if (
          element instanceof HTMLImageElement &&
          element.currentSrc &&
          element.getBoundingClientRect().top < innerHeight
        )
          found.push(element.currentSrc);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return found;
  });

describe('the largest picture named in the page', () => {
  for (const { name, viewport, deviceScaleFactor } of VIEWPORTS) {
    for (const page of PAGES) {
      it(`${page.name}, ${name}: preloaded at the size the page shows, fetched once`, async () => {
        const context = await running.browser.newContext({ viewport, deviceScaleFactor });
        try {
          const tab = await context.newPage();
          const fetched: string[] = [];
          tab.on('request', (request) => {
            if (pictureOf(request.url())) fetched.push(request.url());
          });
          const response = await tab.goto(running.shop.url + page.path);
          const html = (await response?.text()) ?? '';
          const hints = [...html.matchAll(/<link rel="preload" as="image" href="([^"]+)"/g)].map((m) => m[1]!);
          expect(hints).toHaveLength(page.hints);
          await expect.poll(async () => (await shownSources(tab)).length, { timeout: 30_000 }).toBeGreaterThan(0);
          await tab.waitForLoadState('networkidle');
          const shown = await shownSources(tab);
          // The hinted picture is on screen, in the very candidate the preload fetched.
          const hinted = new Set(hints.map((h) => pictureOf(running.shop.url + h)));
          const shownHinted = shown.filter((src) => hinted.has(pictureOf(src)));
          expect(shownHinted.length).toBeGreaterThan(0);
          for (const src of shownHinted) expect(fetched).toContain(src);
          // One size per picture: the preload and the <img> agreed.
          const sizesPerPicture = new Map<string, Set<string>>();
          for (const url of fetched) {
            const key = pictureOf(url)!;
            sizesPerPicture.set(key, (sizesPerPicture.get(key) ?? new Set()).add(url));
          }
          for (const [picture, urls] of sizesPerPicture) expect([...urls], `sizes of ${picture}`).toHaveLength(1);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('the listing file a page reads first, named in its HTML', () => {
  for (const path of ['/c/kaffee-tee', `/p/${product.slug}`]) {
    it(`${path}: its card shard or details bucket is preloaded and fetched once`, async () => {
      const context = await running.browser.newContext();
      try {
        const tab = await context.newPage();
        const fetched: string[] = [];
        tab.on('request', (request) => {
          const url = new URL(request.url());
          if (url.pathname.startsWith('/data/shop/') && url.pathname !== '/data/shop/manifest.json')
            fetched.push(url.pathname);
        });
        const html = (await (await tab.goto(running.shop.url + path))?.text()) ?? '';
        const hinted = [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map(
          (m) => m[1]!,
        );
        const listingFiles = hinted.filter((href) => href !== '/data/shop/manifest.json');
        expect(listingFiles).toHaveLength(1);
        expect(listingFiles[0]).toMatch(path.startsWith('/c/') ? /\/cards\/[\w-]+\.json$/ : /\/details\/\d+\.json$/);
        await tab.locator('h1').first().waitFor();
        await tab.waitForLoadState('networkidle');
        expect(fetched.filter((f) => f === listingFiles[0])).toHaveLength(1);
      } finally {
        await context.close();
      }
    });
  }
});

describe('preload hints and hostile URLs', () => {
  const shell = async (path: string) => {
    const response = await fetch(running.shop.url + path);
    return { status: response.status, html: await response.text() };
  };

  it('names nothing for pages without a known picture, and still serves the app', async () => {
    for (const path of [
      '/',
      '/p/gibt-es-nicht',
      '/c/gibt-es-nicht',
      '/search',
      '/search?q=rucksack&sort=price-asc',
      '/cart',
    ]) {
      const { status, html } = await shell(path);
      expect(status).toBe(200);
      expect(html).toContain('<shop-app>');
      expect(html).not.toContain('rel="preload" as="image"');
    }
  });

  it('serves the plain app for a malformed or hostile path, with nothing of it in the page', async () => {
    for (const path of ['/p/%E0%A4%A', '/p/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/search?q=%3Cscript%3E']) {
      const { status, html } = await shell(path);
      expect(status).toBe(200);
      expect(html).toContain('<shop-app>');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('alert(1)');
    }
  });
});

describe('pages loaded when entered, named in their own HTML', () => {
  for (const path of ['/cart', '/checkout', '/orders', '/orders/unbekannt']) {
    it(`${path}: its chunks are preloaded with their hashes and fetched once`, async () => {
      const context = await running.browser.newContext();
      try {
        const tab = await context.newPage();
        const scripts: string[] = [];
        tab.on('request', (request) => {
          if (new URL(request.url()).pathname.startsWith('/assets/')) scripts.push(new URL(request.url()).pathname);
        });
        const html = (await (await tab.goto(running.shop.url + path))?.text()) ?? '';
        const hinted = [
          ...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)" integrity="sha384-[^"]+">/g),
        ].map((m) => m[1]!);
        // The page's own chunk is among them (its name is the page's element name).
        const page = path.startsWith('/orders/') ? 'shop-order-confirmation' : `shop-${path.slice(1)}-page`;
        expect(hinted.some((href) => href.includes(page))).toBe(true);
        await tab.locator('h1').first().waitFor();
        await tab.waitForLoadState('networkidle');
        for (const href of hinted) expect(scripts.filter((s) => s === href)).toHaveLength(1);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the service worker after the first view', () => {
  it('is registered only once the first view is on screen, so its precache does not compete with it', async () => {
    const context = await running.browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.addInitScript(() => {
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
          (window as unknown as { registeredAt: number }).registeredAt = performance.now();
          return register.apply(this, args);
        };
      });
      await tab.goto(`${running.shop.url}/c/kaffee-tee`);
      await expect
        .poll(() => tab.evaluate(() => (window as unknown as { registeredAt?: number }).registeredAt), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
      const [registeredAt, firstView] = await tab.evaluate(() => [
        (window as unknown as { registeredAt: number }).registeredAt,
        performance.getEntriesByName('laden:first-view')[0]?.startTime ?? Number.NaN,
      ]);
      expect(firstView).toBeGreaterThan(0);
      expect(registeredAt).toBeGreaterThanOrEqual(firstView!);
      await tab.evaluate(() => navigator.serviceWorker.ready);
    } finally {
      await context.close();
    }
  });
});

describe("the first view's pictures before everything that can wait", () => {
  const firstViewAt = (tab: Page) =>
    tab.evaluate(() => performance.getEntriesByName('laden:first-view')[0]?.startTime ?? 0);

  /** Opens the category page with its pictures held back; logs the listing's shards and the pricing chunk as asked for. */
  async function openWithPicturesHeld(held: Promise<void>) {
    const context = await running.browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
    });
    const tab = await context.newPage();
    const asked: string[] = [];
    tab.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/\/cards\/[\w-]+\.json$/.test(path) || /^\/assets\/pricing-/.test(path)) asked.push(path);
    });
    await tab.route(/\/data\/(thumbs|images)\//, async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    await tab.goto(`${running.shop.url}/c/kaffee-tee`);
    return { context, tab, asked };
  }

  it('shows the largest picture as it arrives, and starts the sync, pricing and the rest only once it is there', async () => {
    let release = () => {};
    const { context, tab, asked } = await openWithPicturesHeld(new Promise<void>((resolve) => (release = resolve)));
    try {
      const first = tab.locator('shop-product-card').first().locator('shop-image img');
      await first.waitFor({ state: 'attached' });
      // Not hidden for a fade-in that would start only after it loaded: the page's largest paint.
      expect(await first.getAttribute('class')).toContain('loaded');
      await tab.waitForTimeout(1500);
      // While it is on its way: the page's own shard only, no sync, no pricing, no first-view mark.
      expect(new Set(asked).size).toBe(1);
      expect(asked[0]).toMatch(/\/cards\//);
      expect(await firstViewAt(tab)).toBe(0);
      release();
      await expect.poll(() => firstViewAt(tab), { timeout: 10_000 }).toBeGreaterThan(0);
      await expect.poll(() => asked.length, { timeout: 10_000 }).toBeGreaterThan(2);
      expect(asked.some((path) => path.startsWith('/assets/pricing-'))).toBe(true);
    } finally {
      release();
      await context.close();
    }
  });

  it('waits for a picture that never arrives only a few seconds', async () => {
    const { context, tab, asked } = await openWithPicturesHeld(new Promise<void>(() => {}));
    try {
      await tab.locator('shop-product-card').first().locator('shop-image img').waitFor({ state: 'attached' });
      const attachedAt = await tab.evaluate(() => performance.now());
      await expect.poll(() => firstViewAt(tab), { timeout: 10_000 }).toBeGreaterThan(0);
      // FIRST_PICTURES_WAIT_MS is 3 s; the idle callback after it waits at most 1 s more (and a busy
      // machine delays timers a little).
      expect((await firstViewAt(tab)) - attachedAt).toBeLessThan(6000);
      await expect.poll(() => asked.length, { timeout: 10_000 }).toBeGreaterThan(2);
    } finally {
      await context.close();
    }
  });
});
