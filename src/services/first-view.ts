import type { ListingStore } from './listing-store.js';

/**
 * When the page's first view is on screen: what may wait until then (the listing's background sync,
 * pricing, the later pages, the service worker's precache, all of which would otherwise compete with
 * the first view for a phone's bandwidth and main thread) waits for this. The app marks it once, also
 * when its first view failed, so nothing waits forever; the mark is in the performance timeline as
 * `laden:first-view` for measurements.
 */
let shown: () => void = () => undefined;
let marked = false;
export const firstViewDone: Promise<void> = new Promise((resolve) => (shown = resolve));

export function markFirstView(): void {
  if (!marked) performance.mark('laden:first-view');
  marked = true;
  shown();
}

/** A picture of the first view that is still loading (its `<img>` answers load or error). */
const pendingPictures = new Set<Promise<unknown>>();

/** The longest the first view waits for its pictures: a stalled one must not hold the rest back. */
export const FIRST_PICTURES_WAIT_MS = 3000;

/**
 * A picture that may be in the first view's viewport (its likely largest paint) is on its way: the
 * first view counts as shown once it has loaded, failed or turned out to be elsewhere, so nothing
 * started afterwards takes bandwidth from it. Pictures that appear after the first view do not count.
 */
export function holdFirstView(picture: Promise<unknown>): void {
  if (marked) return;
  const settled = picture.then(
    () => undefined,
    () => undefined,
  );
  pendingPictures.add(settled);
  void settled.then(() => pendingPictures.delete(settled));
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Resolves once the page showed its first view from the listing (what it asked for arrived; the home
 * page asks for nothing), its pictures in the viewport loaded (at most FIRST_PICTURES_WAIT_MS) and
 * the browser is idle: what can wait (pricing, the later pages, the service worker's precache) starts
 * only then.
 */
export async function firstViewShown(listing: ListingStore): Promise<void> {
  // One frame: the page renders and asks for its shard or details.
  await nextFrame();
  while (listing.busy) {
    await new Promise((resolve) => listing.addEventListener('change', resolve, { once: true }));
  }
  // One frame: the cards render, and their pictures say they are on their way.
  await nextFrame();
  if (pendingPictures.size > 0) {
    let giveUp: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(pendingPictures),
      new Promise((resolve) => (giveUp = setTimeout(resolve, FIRST_PICTURES_WAIT_MS))),
    ]);
    clearTimeout(giveUp);
  }
  const whenIdle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 50));
  await new Promise<void>((resolve) => whenIdle(() => resolve(), { timeout: 1000 }));
}
