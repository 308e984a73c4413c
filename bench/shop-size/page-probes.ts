import type { Page } from 'playwright-core';

/**
 * What a shopper sees, looked for in the page and all its shadow roots on every animation frame, so
 * the time returned is the page's own clock (ms since navigation start) when it was first there.
 * Only what a shopper recognises is used: a link to a product, the search field, a heading.
 */
export interface Sighting {
  /** A CSS selector, matched in the document and every open shadow root. */
  selector: string;
  /** Only elements whose text contains this (case-insensitive). */
  text?: string;
  /** And the page's path is this. */
  path?: string;
}

export const PRODUCT_LINK: Sighting = { selector: 'a[href^="/p/"]' };
export const SEARCH_FIELD: Sighting = { selector: 'input[type="search"]' };

/** Resolves with the page's clock when every one of `sightings` is on screen (laid out, not hidden). */
export async function seen(tab: Page, sightings: Sighting[], timeout: number): Promise<number> {
  const handle = await tab.waitForFunction(
    (wanted) => {
      const visible = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      };
      const find = (root: ParentNode, sighting: { selector: string; text?: string }): boolean => {
        for (const element of root.querySelectorAll(sighting.selector)) {
          const text = sighting.text?.toLowerCase();
          if (visible(element) && (!text || (element.textContent ?? '').toLowerCase().includes(text))) return true;
        }
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot && find(element.shadowRoot, sighting)) return true;
        }
        return false;
      };
      const all = wanted.every((s) => (!s.path || location.pathname === s.path) && find(document, s));
      return all ? performance.now() : undefined;
    },
    sightings,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** The wall clock (Date.now() in this process) of the page's clock reading `pageMs`. */
export async function wallClockOf(tab: Page, pageMs: number): Promise<number> {
  return tab.evaluate((ms) => performance.timeOrigin + ms, pageMs);
}

/** Installed before any of the page's scripts: collects long tasks from the very start. */
export const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

export async function longTasks(tab: Page): Promise<{ sum: number; max: number }> {
  const tasks = await tab.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return { sum: tasks.reduce((s, d) => s + d, 0), max: Math.max(0, ...tasks) };
}

/**
 * The percentage of an "Offline verfügbar: 62 %" style progress the shop shows, if it shows one.
 * A shop without background sync shows none (undefined).
 */
export async function offlineProgress(tab: Page): Promise<number | undefined> {
  return tab.evaluate(() => {
    const texts: string[] = [];
    const collect = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) collect(element.shadowRoot);
        if (element.children.length === 0 && element.textContent) texts.push(element.textContent);
      }
    };
    collect(document);
    const match = texts.map((t) => /offline[^%\d]*(\d{1,3})\s*%/i.exec(t)).find((m) => m);
    return match ? Number(match[1]) : undefined;
  });
}
