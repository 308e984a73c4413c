import { MAX_STOCK_PRODUCTS, skuOf, type StockLevels } from '../domain/stock.js';
import { FROM_CACHE_HEADER } from '../sw-contract.js';
import type { KnownStock } from '../storage/db.js';
import { loadKnownStock, saveKnownStock } from '../storage/stock-store.js';

export const STOCK_URL = '/api/stock';
const sameProducts = (a: ReadonlySet<string>, b: readonly string[]) =>
  a.size === b.length && b.every((id) => a.has(id));
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
  #soon: ReturnType<typeof setTimeout> | undefined;
  /** Products shown now, with how many components show each: what a refresh asks for. */
  readonly #watched = new Map<string, number>();
  /** Products the last answer covered. */
  #asked = new Set<string>();
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

  /**
   * A component starts showing the stock of `productId` (none: it only listens). The first one loads
   * the known levels and starts refreshing; a product not asked for yet is asked for at once (the
   * cards of a grid, connected together, make one request).
   */
  connect(productId?: string): void {
    if (productId) {
      const count = this.#watched.get(productId) ?? 0;
      this.#watched.set(productId, count + 1);
      if (count === 0 && this.#users > 0 && !this.#asked.has(productId)) this.#askSoon();
    }
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

  disconnect(productId?: string): void {
    if (productId) {
      const count = (this.#watched.get(productId) ?? 1) - 1;
      if (count > 0) this.#watched.set(productId, count);
      else this.#watched.delete(productId);
    }
    this.#users = Math.max(0, this.#users - 1);
    if (this.#users > 0) return;
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearInterval(this.#timer);
    clearTimeout(this.#retry);
  }

  #askSoon(): void {
    if (this.#soon) return;
    this.#soon = setTimeout(() => {
      this.#soon = undefined;
      void this.refresh();
    }, 0);
  }

  /** Asks the server now for the products shown (one request at a time); keeps what it knew if that fails. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#ask().finally(() => (this.#refreshing = undefined));
    const running = this.#refreshing;
    // Products connected while a request was under way are asked for right after it.
    return running.then(() => {
      if ([...this.#watched.keys()].some((id) => !this.#asked.has(id))) this.#askSoon();
    });
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
    const products = [...this.#watched.keys()].sort();
    if (products.length === 0) return;
    const answers: { stock: Record<string, number>; at: number }[] = [];
    let fromCache = false;
    try {
      for (let i = 0; i < products.length; i += MAX_STOCK_PRODUCTS) {
        const url = `${STOCK_URL}?products=${products
          .slice(i, i + MAX_STOCK_PRODUCTS)
          .map(encodeURIComponent)
          .join(',')}`;
        const response = await this.#fetch(url, { signal: AbortSignal.timeout(10_000) });
        const body: unknown = response.ok ? await response.json() : undefined;
        if (!isLevels(body)) return;
        answers.push({ stock: body.stock, at: answeredAt(response, Date.now()) });
        fromCache ||= response.headers.has(FROM_CACHE_HEADER);
      }
    } catch {
      // Offline or the server away: the known levels stay, shown with their time.
      return;
    }
    // The network failed behind an "online" browser (e.g. just back): ask again shortly.
    if (fromCache) this.#retrySoon();
    const fetchedAt = Math.min(...answers.map((a) => a.at));
    if (this.#known && this.#known.fetchedAt > fetchedAt && sameProducts(this.#asked, products)) return;
    // The answer replaces what was known of these products (a variant sold out is in it as 0).
    const asked = new Set(products);
    const stock = Object.fromEntries(
      Object.entries(this.#known?.stock ?? {}).filter(([sku]) => !asked.has(sku.split('/')[0]!)),
    );
    for (const answer of answers) Object.assign(stock, answer.stock);
    const known: KnownStock = { stock, fetchedAt };
    this.#asked = asked;
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
