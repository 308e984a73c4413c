import { describe, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Catalog } from '../../src/domain/catalog.js';
import type { RunningServer } from '../../src/server/main.js';
import { PHONE, launchOptions } from '../../tests/e2e/support/browser.js';
import { distDir as builtDir, startShop } from '../../tests/e2e/support/server.js';

// Each page of the built shop loaded cold (a fresh browser profile: no service worker, no cache) in
// Debian's Chromium with the CPU slowed down 4× (a mid-range phone), several times; printed per page,
// the medians of: the sum of long tasks (> 50 ms) during the load, the longest one, the bytes
// transferred, and the time until the first view is on screen (the first product card, or the page's
// heading). LADEN_BENCH_DIST measures another build (e.g. an older one) the same way.
// Five: on a 2-core machine one page's sum of long tasks swings by ±100 ms from run to run.
const RUNS = Number(process.env['LADEN_BENCH_RUNS'] ?? 5);
const CPU_SLOWDOWN = 4;
/** After the first view and the network going quiet, long tasks are still counted for this long. */
const SETTLE_MS = 1500;
const distDir = process.env['LADEN_BENCH_DIST'] ?? builtDir;

interface Page {
  name: string;
  path: string;
  /** Selectors from the outside in, each inside the shadow root of the element before it. */
  firstView: string[];
}

interface Sample {
  longTaskSum: number;
  longestTask: number;
  bytes: number;
  firstView: number;
}

const catalog = JSON.parse(readFileSync(join(distDir, 'data', 'catalog.json'), 'utf8')) as Catalog;
const product = catalog.products[0]!;

const PAGES: Page[] = [
  { name: 'home', path: '/', firstView: ['shop-home-page', 'shop-product-card'] },
  { name: 'category', path: '/c/kaffee-tee', firstView: ['shop-category-page', 'shop-product-card'] },
  { name: 'product', path: `/p/${product.slug}`, firstView: ['shop-product-page', 'h1'] },
  { name: 'search', path: '/search?q=rucksack', firstView: ['shop-search-page', 'ol li'] },
  { name: 'cart', path: '/cart', firstView: ['shop-cart-page', 'h1'] },
  { name: 'checkout', path: '/checkout', firstView: ['shop-checkout-page', 'h1'] },
  { name: 'orders', path: '/orders', firstView: ['shop-orders-page', 'h1'] },
  // A cold load has no order on the device: the order page's own code and first view, saying so.
  { name: 'order', path: '/orders/unbekannt', firstView: ['shop-order-confirmation', 'h1'] },
];

/** Installed before any of the page's scripts: collects long tasks from the very start. */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

async function loadOnce(browser: Browser, origin: string, page: Page): Promise<Sample> {
  const context = await browser.newContext({ viewport: PHONE });
  try {
    const tab = await context.newPage();
    await tab.addInitScript(OBSERVE_LONG_TASKS);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await tab.goto(origin + page.path, { waitUntil: 'commit' });
    // Polled on every animation frame inside the page, so the time is when the element was there.
    const shown = await tab.waitForFunction(
      (selectors) => {
        const deepFind = (root: ParentNode, selector: string): Element | null => {
          const direct = root.querySelector(selector);
          if (direct) return direct;
          for (const element of root.querySelectorAll('*')) {
            const found = element.shadowRoot && deepFind(element.shadowRoot, selector);
            if (found) return found;
          }
          return null;
        };
        let root: ParentNode | null = document;
        let element: Element | null = null;
        for (const selector of selectors) {
          element = root && deepFind(root, selector);
          root = element?.shadowRoot ?? element;
        }
        return element ? performance.now() : undefined;
      },
      page.firstView,
      { polling: 'raf', timeout: 60_000 },
    );
    const firstView = (await shown.jsonValue()) as number;
    await tab.waitForLoadState('networkidle');
    await tab.waitForTimeout(SETTLE_MS);
    return await tab
      .evaluate(() => {
        const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
        const entries = [
          ...performance.getEntriesByType('navigation'),
          ...performance.getEntriesByType('resource'),
        ] as PerformanceResourceTiming[];
        return {
          longTaskSum: tasks.reduce((sum, duration) => sum + duration, 0),
          longestTask: Math.max(0, ...tasks),
          bytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
          firstView: 0,
        };
      })
      .then((sample) => ({ ...sample, firstView }));
  } finally {
    await context.close();
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

describe('pages on a mid-range phone (CPU 4× slower)', () => {
  it('prints long tasks, bytes and the time to the first view of each page', async () => {
    const shop: RunningServer = await startShop({ distDir });
    const browser = await chromium.launch(launchOptions);
    const rows: string[] = [];
    try {
      for (const page of PAGES) {
        const samples: Sample[] = [];
        try {
          for (let run = 0; run < RUNS; run++) samples.push(await loadOnce(browser, shop.url, page));
        } catch (error) {
          rows.push(`${page.name.padEnd(10)} failed: ${String(error).split('\n')[0]}`);
          continue;
        }
        const of = (key: keyof Sample) => median(samples.map((sample) => sample[key]));
        rows.push(
          [
            page.name.padEnd(10),
            `${of('longTaskSum').toFixed(0)} ms`.padStart(10),
            `${of('longestTask').toFixed(0)} ms`.padStart(10),
            `${(of('bytes') / 1000).toFixed(1)} KB`.padStart(11),
            `${of('firstView').toFixed(0)} ms`.padStart(11),
          ].join(' '),
        );
      }
    } finally {
      await browser.close();
      await shop.close();
    }
    console.log(`\nPages, cold load, CPU ${CPU_SLOWDOWN}× slower, median of ${RUNS} (${distDir})`);
    console.log('page        long sum    longest  transferred  first view');
    for (const row of rows) console.log(row);
  });
});
