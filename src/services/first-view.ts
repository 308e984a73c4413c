import type { ListingStore } from './listing-store.js';

/**
 * When the page's first view is on screen: what may wait until then (the service worker's precache
 * of the whole app, which would otherwise compete with the first view for a phone's bandwidth) waits
 * for this. The app marks it once, also when its first view failed, so nothing waits forever; the
 * mark is in the performance timeline as `laden:first-view` for measurements.
 */
let shown: () => void = () => undefined;
export const firstViewDone: Promise<void> = new Promise((resolve) => (shown = resolve));

export function markFirstView(): void {
  if (performance.getEntriesByName('laden:first-view').length === 0) performance.mark('laden:first-view');
  shown();
}

/**
 * Resolves once the page showed its first view from the listing (what it asked for arrived; the home
 * page asks for nothing) and the browser is idle: what can wait (pricing, the later pages, the
 * service worker's precache) starts only then.
 */
export async function firstViewShown(listing: ListingStore): Promise<void> {
  // One frame: the page renders and asks for its shard or details.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  while (listing.busy) {
    await new Promise((resolve) => listing.addEventListener('change', resolve, { once: true }));
  }
  const whenIdle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 50));
  await new Promise<void>((resolve) => whenIdle(() => resolve(), { timeout: 1000 }));
}
