import { CatalogIndex } from '../domain/catalog-index.js';
import type { Quote } from '../domain/quote.js';
import { loadCatalog } from './catalog-loader.js';
import { fetchCurrentCatalog, type CatalogPointer } from './catalog-version.js';
import { PricingService } from './pricing.js';

/** How often an open shop asks whether a newer catalog was published (besides start and focus). */
export const CHECK_EVERY_MS = 5 * 60_000;

/**
 * A version's whole catalog, as one index: only the /wasm page's engine races read it (the pages,
 * the cart and search work from the listing), so it is fetched when that page opens.
 */
export async function loadWholeCatalog(pointer: CatalogPointer): Promise<CatalogIndex> {
  return new CatalogIndex(await loadCatalog(pointer.catalog));
}

/** A version's pricing: its rules; the products come from the cart being priced. */
export const pricingOf = (pointer: CatalogPointer): PricingService => PricingService.for(pointer.rules);

/** The cart priced before and after a catalog switch changed what it costs. */
export interface CartPriceChange {
  seen: Quote;
  now: Quote;
}

export function priceChanged(seen: Quote, now: Quote): boolean {
  if (seen.total !== now.total || seen.lines.length !== now.lines.length) return true;
  return now.lines.some((line, i) => seen.lines[i]?.total !== line.total);
}

/** What a catalog switch did to the cart's prices, shown on the cart page until dismissed. */
class CartPriceChanges extends EventTarget {
  #change: CartPriceChange | undefined;

  get change(): CartPriceChange | undefined {
    return this.#change;
  }

  set(change: CartPriceChange | undefined): void {
    this.#change = change;
    this.dispatchEvent(new Event('change'));
  }
}
export const cartPriceChanges = new CartPriceChanges();

/**
 * Asks the server which catalog version is current — at start, when the shopper comes back to the
 * shop (focus, visibility, back online) and every few minutes — and hands a newer one to `switchTo`.
 * One check at a time; a failed check or switch leaves the shown catalog and tries again next time.
 */
export class CatalogUpdates {
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;
  readonly #onReturn = (): void => {
    if (document.visibilityState === 'visible') void this.check();
  };

  constructor(
    private readonly shown: () => CatalogPointer | undefined,
    private readonly switchTo: (next: CatalogPointer) => Promise<void>,
  ) {}

  start(): void {
    if (this.#timer !== undefined) return;
    document.addEventListener('visibilitychange', this.#onReturn);
    window.addEventListener('focus', this.#onReturn);
    window.addEventListener('online', this.#onReturn);
    this.#timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    void this.check();
  }

  stop(): void {
    document.removeEventListener('visibilitychange', this.#onReturn);
    window.removeEventListener('focus', this.#onReturn);
    window.removeEventListener('online', this.#onReturn);
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  check(): Promise<void> {
    this.#running ??= this.#check().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #check(): Promise<void> {
    const next = await fetchCurrentCatalog();
    if (!next || next.catalog === this.shown()?.catalog) return;
    try {
      await this.switchTo(next);
    } catch (error) {
      console.warn(`Laden: catalog version ${next.version} could not be loaded; keeping the shown one`, error);
    }
  }
}
