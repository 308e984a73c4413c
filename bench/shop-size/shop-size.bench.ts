import { describe, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/server/main.js';
import { launchOptions } from '../../tests/e2e/support/browser.js';
import { ByteMeter } from './byte-meter.js';
import { generatedShop } from './generated-shop.js';
import {
  CPU_SLOWDOWN,
  QUERY,
  CATEGORY_PATH,
  categoryFirstCards,
  homeThenSync,
  searchByUrl,
  searchTyped,
} from './sessions.js';
import { printTable, type SizeResult } from './table.js';

// The same build serving generated shops of growing size (`laden catalog generate`, its search
// index, `laden catalog ship` where the command has it), each loaded cold in Debian's Chromium on a
// phone-sized window with the CPU 4× slower, over loopback. Per size, the medians of several runs:
// time to the first product card on home and on a category page, time to search results (typed
// into the search field of a freshly opened /search, and /search?q= opened directly), bytes sent
// before the first view, catalog data sent until the offline sync is done, JS heap and WebAssembly
// memory after the sync and a search, long tasks until the sync is done.
//   LADEN_BENCH_SIZES=320,10000,100000  LADEN_BENCH_RUNS=3  LADEN_BENCH_TIMEOUT_MS=120000
//   LADEN_BENCH_SIZE_BUDGET_MS=300000 (no further runs of a size once it has taken this long)
//   LADEN_BENCH_DIST=dist (the build to measure)  LADEN_BENCH_CACHE=$TMPDIR/laden-shop-size
const SIZES = (process.env['LADEN_BENCH_SIZES'] ?? '320,10000,100000').split(',').map(Number);
const RUNS = Number(process.env['LADEN_BENCH_RUNS'] ?? 3);
const TIMEOUT = Number(process.env['LADEN_BENCH_TIMEOUT_MS'] ?? 120_000);
const SIZE_BUDGET = Number(process.env['LADEN_BENCH_SIZE_BUDGET_MS'] ?? 300_000);
const appDir = process.env['LADEN_BENCH_DIST'] ?? join(process.cwd(), 'dist');

/** Runs one measurement; a failure (a page that never showed) is kept as its message. */
async function attempt<T>(errors: string[], name: string, measure: () => Promise<T>): Promise<T | undefined> {
  try {
    return await measure();
  } catch (error) {
    errors.push(`${name}: ${String(error).split('\n')[0]}`);
    return undefined;
  }
}

async function measureSize(count: number): Promise<SizeResult> {
  const shop = generatedShop(count, 42, appDir);
  const dbDir = mkdtempSync(join(tmpdir(), 'laden-shop-size-db-'));
  const catalogPath = join(shop.distDir, 'data', 'catalog.json');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    distDir: shop.distDir,
    orders: { dbPath: join(dbDir, 'laden.sqlite'), ...(existsSync(catalogPath) ? { catalogPath } : {}) },
    mail: { fileDir: join(dbDir, 'mail') },
    mediaDir: join(dbDir, 'media'),
  });
  const meter = new ByteMeter(server.server as unknown as import('node:http').Server);
  const browser = await chromium.launch(launchOptions);
  const result: SizeResult = {
    count,
    shipped: shop.shipped,
    runs: 0,
    home: [],
    category: [],
    searchUrl: [],
    searchTyped: [],
    errors: [],
  };
  const began = Date.now();
  try {
    for (let run = 0; run < RUNS && (run === 0 || Date.now() - began < SIZE_BUDGET); run++) {
      result.runs++;
      const home = await attempt(result.errors, 'home', () => homeThenSync(browser, server.url, meter, TIMEOUT));
      if (home) result.home.push(home);
      const category = await attempt(result.errors, 'category', () => categoryFirstCards(browser, server.url, TIMEOUT));
      if (category !== undefined) result.category.push(category);
      const byUrl = await attempt(result.errors, 'search url', () => searchByUrl(browser, server.url, TIMEOUT));
      if (byUrl !== undefined) result.searchUrl.push(byUrl);
      const typed = await attempt(result.errors, 'search typed', () => searchTyped(browser, server.url, TIMEOUT));
      if (typed !== undefined) result.searchTyped.push(typed);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dbDir, { recursive: true, force: true });
  }
  return result;
}

describe('a shop of 320, 10,000 and 100,000 products on a mid-range phone', () => {
  it('prints first views, search, bytes and memory per size', { timeout: 4 * 3_600_000 }, async () => {
    const results: SizeResult[] = [];
    for (const count of SIZES) results.push(await measureSize(count));
    console.log(
      `\nShop size, cold loads in Chromium, phone window, CPU ${CPU_SLOWDOWN}× slower, median of up to ${RUNS} runs` +
        ` (${appDir}); category ${CATEGORY_PATH}, query „${QUERY}“`,
    );
    printTable(results);
  });
});
