import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE } from './support/browser.js';
import { builtCatalog } from './support/catalog.js';
import { useShopAndBrowser } from './support/shop-and-browser.js';

// The largest paint of each page is a product picture the browser finds and fetches first, at the
// size it is shown; everything below the fold waits; and nothing moves while pictures and late data
// (promotions, stock) arrive. Structural properties, checked after the page has settled, not timings.
const running = useShopAndBrowser();
const product = builtCatalog().products[0]!;
const SHIPPED = [160, 320, 640, 1024];

interface Picture {
  top: number;
  bottom: number;
  width: number;
  loading: string | null;
  priority: string | null;
  sizes: string | null;
  currentSrc: string;
}

/** Collects layout shifts from the very start (none caused by input: the test gives none). */
const OBSERVE_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** Every product picture in the page and its shadow roots, in document order, where it sits unscrolled. */
function pictures(tab: Page): Promise<Picture[]> {
  return tab.evaluate(() => {
    const found: Picture[] = [];
    const walk = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLImageElement && element.getRootNode() instanceof ShadowRoot) {
          const box = element.getBoundingClientRect();
          found.push({
            top: box.top + scrollY,
            bottom: box.bottom + scrollY,
            width: box.width,
            loading: element.getAttribute('loading'),
            priority: element.getAttribute('fetchpriority'),
            sizes: element.getAttribute('sizes'),
            currentSrc: element.currentSrc,
          });
        }
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
}

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'category', path: '/c/kaffee-tee' },
  { name: 'product', path: `/p/${product.slug}` },
  { name: 'search', path: '/search?q=rucksack' },
];

describe('the largest paint and layout stability', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    for (const page of PAGES) {
      it(`${page.name} at ${viewport.width} px: first pictures eager and high, the rest lazy, nothing shifts`, async () => {
        const context = await running.browser.newContext({ viewport });
        try {
          const tab = await context.newPage();
          await tab.addInitScript(OBSERVE_SHIFTS);
          await tab.goto(running.shop.url + page.path);
          // Search results need the index; then every picture on screen has had its chance to load.
          await expect.poll(async () => (await pictures(tab)).length, { timeout: 30_000 }).toBeGreaterThan(0);
          await tab.waitForLoadState('networkidle');
          await tab.waitForTimeout(500);
          const all = await pictures(tab);
          const fold = viewport.height;
          const high = all.filter((p) => p.priority === 'high');
          for (const p of high) {
            expect(p.loading).toBe('eager');
            expect(p.top).toBeLessThan(fold);
            // Sized to its box: the smallest shipped width that is sharp at this pixel ratio (1).
            expect(p.sizes).toBe(`${Math.ceil(p.width)}px`);
            const wanted = SHIPPED.find((w) => w >= p.width);
            expect(p.currentSrc).toMatch(new RegExp(`-${wanted}\\.webp$`));
          }
          for (const p of all.filter((p) => p.top >= fold)) {
            expect(p.loading).toBe('lazy');
            expect(p.priority).not.toBe('high');
          }
          // The first picture on screen, if any, is the one fetched first.
          const firstInView = all.find((p) => p.top < fold && p.bottom > 0);
          if (firstInView) expect(firstInView.priority).toBe('high');
          const shifts = await tab.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
          expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(0.001);
        } finally {
          await context.close();
        }
      });
    }
  }
});
