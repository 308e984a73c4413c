import { skuOf, type StockLevels } from '../domain/stock.js';
import { FROM_CACHE_HEADER } from '../sw-contract.js';
import type { KnownStock } from '../storage/db.js';
import { loadKnownStock, saveKnownStock } from '../storage/stock-store.js';

export const STOCK_URL = '/api/stock';
/** Levels older than this are shown with the time they are from. */
export const FRESH_FOR_MS = 60_000;
/** How often a page that shows stock asks again while it is visible. */
const REFRESH_EVERY_MS = 30_000;
/** After the service worker answered from its cache although the browser says it is online. */
const RETRY_AFTER_CACHED_MS = 3_000;

const isLevels = (body: unknown): body is StockLevels =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as StockLevels).stock === 'object' &&
  (body as StockLevels).stock !== null &&
  Object.values((body as StockLevels).stock).every((n) => Number.isInteger(n));

/**
 * When the levels are from. A copy from the service worker's cache carries the server's `Date` from
 * back then; a fresh answer is "now" (a server clock a little off must not make it look old).
 */
function answeredAt(response: Response, now: number): number {
  const date = Date.parse(response.headers.get('date') ?? '');
  if (response.headers.has(FROM_CACHE_HEADER)) return Number.isFinite(date) ? Math.min(date, now - FRESH_FOR_MS) : 0;
  return Number.isFinite(date) && now - date > FRESH_FOR_MS ? date : now;
}

/**
 * Live stock for the shop: the last known levels from IndexedDB at once, then the server's, asked
 * again every half minute while a page shows stock and whenever the browser comes back online.
 * Fires `change` whenever what it knows (or whether it is current) changes.
 */
export class StockService extends EventTarget {
  #known: KnownStock | undefined;
  #users = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #refreshing: Promise<void> | undefined;
  readonly #fetch: typeof fetch;

  readonly #onOnline = () => void this.refresh();
  readonly #onOffline = () => this.#changed();
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible' && !this.isFresh(Date.now() - REFRESH_EVERY_MS)) void this.refresh();
  };

  constructor(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
    super();
    this.#fetch = fetchImpl;
  }

  get known(): KnownStock | undefined {
    return this.#known;
  }

  /** Units of one item (a variant, or a product without variants); undefined when nothing is known. */
  available(productId: string, variantId?: string): number | undefined {
    return this.#known?.stock[skuOf(productId, variantId)];
  }

  /** Units of a product over all its variants; undefined when nothing is known. */
  productAvailable(productId: string): number | undefined {
    const stock = this.#known?.stock;
    if (!stock) return undefined;
    if (productId in stock) return stock[productId];
    const prefix = `${productId}/`;
    let total: number | undefined;
    for (const [sku, n] of Object.entries(stock)) if (sku.startsWith(prefix)) total = (total ?? 0) + n;
    return total;
  }

  /** Whether the levels came from the server within FRESH_FOR_MS of `now`, and the browser is online. */
  isFresh(now = Date.now()): boolean {
    return Boolean(this.#known) && navigator.onLine && now - this.#known!.fetchedAt < FRESH_FOR_MS;
  }

  /** A component starts showing stock. The first one loads the known levels and starts refreshing. */
  connect(): void {
    this.#users += 1;
    if (this.#users > 1) return;
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#timer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.refresh();
    }, REFRESH_EVERY_MS);
    void this.#start();
  }

  disconnect(): void {
    this.#users = Math.max(0, this.#users - 1);
    if (this.#users > 0) return;
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearInterval(this.#timer);
    clearTimeout(this.#retry);
  }

  /** Asks the server now (one request at a time); keeps what it knew if that fails. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#ask().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  async #start(): Promise<void> {
    if (!this.#known) {
      try {
        const stored = await loadKnownStock();
        if (stored && !this.#known) {
          this.#known = stored;
          this.#changed();
        }
      } catch (error) {
        console.error('Laden: the known stock could not be read', error);
      }
    }
    // A page load always asks: what another tab or an order changed is seen at once, and an
    // unchanged answer costs a 304.
    await this.refresh();
  }

  async #ask(): Promise<void> {
    if (!navigator.onLine) return;
    let known: KnownStock;
    try {
      const response = await this.#fetch(STOCK_URL, { signal: AbortSignal.timeout(10_000) });
      const body: unknown = response.ok ? await response.json() : undefined;
      if (!isLevels(body)) return;
      known = { stock: body.stock, fetchedAt: answeredAt(response, Date.now()) };
      // The network failed behind an "online" browser (e.g. just back): ask again shortly.
      if (response.headers.has(FROM_CACHE_HEADER)) this.#retrySoon();
    } catch {
      // Offline or the server away: the known levels stay, shown with their time.
      return;
    }
    if (this.#known && this.#known.fetchedAt > known.fetchedAt) return;
    this.#known = known;
    this.#changed();
    await saveKnownStock(known).catch((error: unknown) => console.error('Laden: the stock was not stored', error));
  }

  #retrySoon(): void {
    clearTimeout(this.#retry);
    if (this.#users > 0) this.#retry = setTimeout(() => void this.refresh(), RETRY_AFTER_CACHED_MS);
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/** The page's one stock service. */
export const stockService = new StockService();
