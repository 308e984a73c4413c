import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { PHONE } from '../../tests/e2e/support/browser.js';
import type { ByteMeter } from './byte-meter.js';
import { shopMemory } from './memory.js';
import {
  OBSERVE_LONG_TASKS,
  PRODUCT_LINK,
  SEARCH_FIELD,
  longTasks,
  offlineProgress,
  seen,
  wallClockOf,
  type Sighting,
} from './page-probes.js';

export const CPU_SLOWDOWN = 4;
export const QUERY = 'rucksack';
export const CATEGORY_PATH = '/c/kaffee-tee';
/** The offline sync counts as finished when the server has sent nothing for this long. */
const QUIET_MS = 3000;

/** Everything needed offline, as opposed to pictures: catalog data, search index, API answers. */
export const isCatalogData = (path: string): boolean =>
  (path.startsWith('/data/') &&
    !/^\/data\/(images|thumbs|media)\//.test(path) &&
    !/\.(jpe?g|png|webp|avif)$/i.test(path)) ||
  path.startsWith('/api/');

const RESULTS: Sighting[] = [{ selector: 'h1', text: QUERY, path: '/search' }, PRODUCT_LINK];

interface Tab {
  context: BrowserContext;
  tab: Page;
  cdp: CDPSession;
}

/** A fresh profile (no cache, no service worker) on a phone-sized window with a 4× slower CPU. */
async function freshTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ viewport: PHONE });
  const tab = await context.newPage();
  await tab.addInitScript(OBSERVE_LONG_TASKS);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, tab, cdp };
}

async function inFreshTab<T>(browser: Browser, use: (tab: Tab) => Promise<T>): Promise<T> {
  const opened = await freshTab(browser);
  try {
    return await use(opened);
  } finally {
    await opened.context.close();
  }
}

/** Types like a shopper into the shop's search field and sends the query. */
async function typeQuery(tab: Page, timeout: number): Promise<void> {
  const field = tab.locator(SEARCH_FIELD.selector).first();
  await field.click({ timeout });
  await field.pressSequentially(QUERY, { timeout });
  await field.press('Enter', { timeout });
}

/**
 * Waits until the shop has stored what it needs offline: a service worker is in charge, a progress
 * it shows (if any) reads 100 %, and the server has gone quiet.
 */
async function offlineSynced(tab: Page, meter: ByteMeter, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  await tab.evaluate(async (ms) => {
    const ready = navigator.serviceWorker?.ready;
    if (!ready) throw new Error('This browser has no service worker');
    await Promise.race([
      ready,
      new Promise((_, reject) => setTimeout(() => reject(new Error('No service worker took charge')), ms)),
    ]);
  }, timeout);
  for (;;) {
    const progress = await offlineProgress(tab);
    if ((progress === undefined || progress >= 100) && meter.quietFor(QUIET_MS)) return;
    if (Date.now() > deadline) throw new Error(`The offline sync did not finish (progress ${progress ?? '–'} %)`);
    await tab.waitForTimeout(250);
  }
}

export interface HomeSample {
  firstCards: number;
  bytesBeforeFirstView: number;
  offlineDataBytes: number;
  allBytes: number;
  longTaskSum: number;
  longTaskMax: number;
  heapPage: number;
  heapAll: number;
  wasm: number;
  /** Whether the search after the sync showed results before memory was measured. */
  searched: boolean;
}

/** Home, cold: first cards, then the offline sync, then a search; memory after all that. */
export function homeThenSync(browser: Browser, origin: string, meter: ByteMeter, timeout: number): Promise<HomeSample> {
  return inFreshTab(browser, async ({ tab, cdp }) => {
    const start = Date.now();
    await tab.goto(origin + '/', { waitUntil: 'commit' });
    const firstCards = await seen(tab, [PRODUCT_LINK], timeout);
    const firstViewAt = await wallClockOf(tab, firstCards);
    await offlineSynced(tab, meter, timeout);
    const syncedAt = Date.now();
    const tasks = await longTasks(tab);
    // Memory with the search engine loaded too; a shop too busy to search is measured as it is.
    let searched = true;
    try {
      await typeQuery(tab, timeout);
      await seen(tab, RESULTS, timeout);
    } catch {
      searched = false;
    }
    const realms = await shopMemory(cdp);
    return {
      firstCards,
      bytesBeforeFirstView: meter.bytes(start, firstViewAt),
      offlineDataBytes: meter.bytes(start, syncedAt, isCatalogData),
      allBytes: meter.bytes(start, syncedAt),
      longTaskSum: tasks.sum,
      longTaskMax: tasks.max,
      heapPage: realms.find((r) => r.type === 'page')?.heap ?? Number.NaN,
      heapAll: realms.reduce((sum, r) => sum + r.heap, 0),
      wasm: realms.reduce((sum, r) => sum + r.wasm, 0),
      searched,
    };
  });
}

/** A category page, cold: ms from navigation start to the first product card. */
export function categoryFirstCards(browser: Browser, origin: string, timeout: number): Promise<number> {
  return inFreshTab(browser, async ({ tab }) => {
    await tab.goto(origin + CATEGORY_PATH, { waitUntil: 'commit' });
    return seen(tab, [{ ...PRODUCT_LINK, path: CATEGORY_PATH }], timeout);
  });
}

/** /search?q=…, cold: ms from navigation start to the first result. */
export function searchByUrl(browser: Browser, origin: string, timeout: number): Promise<number> {
  return inFreshTab(browser, async ({ tab }) => {
    await tab.goto(`${origin}/search?q=${encodeURIComponent(QUERY)}`, { waitUntil: 'commit' });
    return seen(tab, RESULTS, timeout);
  });
}

/** /search, cold, then typed: ms from the search field showing to the first result. */
export function searchTyped(browser: Browser, origin: string, timeout: number): Promise<number> {
  return inFreshTab(browser, async ({ tab }) => {
    await tab.goto(`${origin}/search`, { waitUntil: 'commit' });
    const opened = await seen(tab, [SEARCH_FIELD], timeout);
    await typeQuery(tab, timeout);
    return (await seen(tab, RESULTS, timeout)) - opened;
  });
}
