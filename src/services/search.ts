import type { ProductCard } from '../domain/product-card.js';
import type { MatchRange, SearchOptions, SearchResult } from '../wasm/search-types.js';
import type { DeviceResult, LoadFigures, SearchReply, SearchRequest } from '../workers/search-protocol.js';
import type { SearchSource } from './search-cards.js';
import { searchOnServer } from './search-server.js';

export const SEARCH_INDEX_URL = '/data/search-index.bin';

export const OFFLINE_MESSAGE =
  'Die Suche ist offline erst verfügbar, wenn der Katalog einmal mit Verbindung geladen wurde.';
const BROKEN_MESSAGE = 'Die Suche ist gerade nicht verfügbar. Bitte laden Sie die Seite neu.';

export interface SearchAnswerHit {
  card: ProductCard;
  highlights: { title: MatchRange[]; brand: MatchRange[] };
}

/** Results as the pages show them, from the device's engine or (until it is ready) the server. */
export type SearchAnswer = Omit<SearchResult, 'hits'> & { hits: SearchAnswerHit[]; from: 'device' | 'server' };

/** Neither the device's index nor the server can answer; the message is for the shopper. */
export class SearchUnavailable extends Error {
  override name = 'SearchUnavailable';
}

type LocalState = 'idle' | 'loading' | 'ready' | 'offline' | 'failed';

export interface SearchServiceOptions {
  /** Where `GET /api/search` is (tests point it elsewhere to play a server that is gone). */
  serverUrl?: string;
  /** Start loading the device's index by itself after this many ms (undefined: on first use only). */
  loadAfterMs?: number;
}

/**
 * The shop's search, asynchronous. The device's engine runs in a Web Worker
 * (src/workers/search.worker.ts) that fetches, checks and loads the index file, so the page never
 * holds it; until it is ready the server answers (`GET /api/search`), so a first visit gets results
 * at once whatever the catalog's size, and once it is, the device answers, offline too. Nothing here
 * needs the whole catalog: the device's hits get their cards from the source (the shipped listing); a
 * missing or damaged index file is rebuilt in the worker from the catalog, fetched for that alone.
 * Fires `change` when the device's engine becomes ready or fails.
 */
/** How long a first visit's index waits for the installing service worker to take over. */
const SERVICE_WORKER_WAIT_MS = 10_000;

/**
 * Resolves once a service worker controls the page, or at once where none is being installed. On a
 * first visit the worker is still installing: an index fetched now would bypass it and have to travel
 * a second time to be kept offline (3 MB at 100,000 products). The server answers searches meanwhile.
 */
async function serviceWorkerInControl(): Promise<void> {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!container || container.controller) return;
  const registration = await container.getRegistration().catch(() => undefined);
  if (!registration) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, SERVICE_WORKER_WAIT_MS);
    container.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export class SearchService extends EventTarget {
  #worker: Worker | undefined;
  #state: LocalState = 'idle';
  #ready: Promise<void> | undefined;
  #settle: (() => void) | undefined;
  #error: string | undefined;
  #rebuiltBecause: string | undefined;
  #figures: LoadFigures | undefined;
  #controlledAtOpen = false;
  #next = 1;
  readonly #pending = new Map<number, { resolve(r: DeviceResult): void; reject(e: Error): void }>();
  readonly #serverUrl: string | undefined;

  constructor(
    readonly source: SearchSource,
    options: SearchServiceOptions = {},
  ) {
    super();
    this.#serverUrl = options.serverUrl;
    if (options.loadAfterMs !== undefined) setTimeout(() => void this.ready, options.loadAfterMs);
  }

  /** Starts loading the device's engine (once); resolves when it is ready or has failed. */
  get ready(): Promise<void> {
    this.#ready ??= new Promise<void>((resolve) => {
      this.#settle = resolve;
      this.#open();
    });
    return this.#ready;
  }

  /** The device's engine answers (offline too). */
  get isReady(): boolean {
    return this.#state === 'ready';
  }

  /** Why the device's engine cannot be used, in words for the shopper. */
  get error(): string | undefined {
    return this.#error;
  }

  /** Why the shipped index was not used, if it was not. */
  get rebuiltBecause(): string | undefined {
    return this.#rebuiltBecause;
  }

  /** Size, fetch and load time of the device's index, once loaded. */
  get figures(): LoadFigures | undefined {
    return this.#figures;
  }

  /** A category's name for the facets (the results name categories by id). */
  categoryName(id: string): string {
    return this.source.categoryName(id) ?? id;
  }

  /** Results from the device's engine when it is ready, else from the server, else an error. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchAnswer> {
    if (this.#state === 'ready') return this.#fromDevice(query, options);
    void this.ready;
    try {
      const answer = await searchOnServer(query, options, this.#serverUrl);
      return { ...answer, from: 'server' };
    } catch (error) {
      // No server: the device's index may still arrive (from the service worker's cache).
      if (this.isReady) return this.#fromDevice(query, options);
      console.warn('search: the server cannot answer', error);
      await this.ready;
      if (this.isReady) return this.#fromDevice(query, options);
      throw new SearchUnavailable(this.#error ?? BROKEN_MESSAGE);
    }
  }

  /** Ends the worker (the catalog this service searched is no longer shown). */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const [, pending] of this.#pending) pending.reject(new SearchUnavailable(BROKEN_MESSAGE));
    this.#pending.clear();
  }

  /**
   * The device's answer when every hit's card is on the device. While the listing is still on its
   * way some may not be: then the server answers if it can, else the hits without a card are left
   * out (an empty card is never shown).
   */
  async #fromDevice(query: string, options: SearchOptions): Promise<SearchAnswer> {
    const result = await this.#ask(query, options);
    const cards = await this.source.cards(result.hits.map((hit) => hit.id));
    const hits: SearchAnswerHit[] = [];
    for (const hit of result.hits) {
      const card = cards.get(hit.id);
      if (card) hits.push({ card, highlights: hit.highlights });
    }
    if (hits.length < result.hits.length) {
      try {
        return { ...(await searchOnServer(query, options, this.#serverUrl)), from: 'server' };
      } catch {
        // Offline: what the device has cards for.
      }
    }
    return { ...result, hits, from: 'device' };
  }

  #ask(query: string, options: SearchOptions): Promise<DeviceResult> {
    const worker = this.#worker;
    if (!worker) return Promise.reject(new SearchUnavailable(BROKEN_MESSAGE));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#post({ type: 'query', id, query, options });
    });
  }

  #post(request: SearchRequest): void {
    this.#worker?.postMessage(request);
  }

  #open(): void {
    this.#state = 'loading';
    try {
      this.#worker = new Worker(new URL('../workers/search.worker.ts', import.meta.url), {
        type: 'module',
        name: 'search',
      });
    } catch (error) {
      this.#finish('failed', BROKEN_MESSAGE, error);
      return;
    }
    this.#worker.onmessage = (event: MessageEvent<SearchReply>) => this.#receive(event.data);
    this.#worker.onerror = (event) => this.#finish('failed', BROKEN_MESSAGE, event.message);
    void serviceWorkerInControl().then(() => {
      this.#controlledAtOpen = typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);
      this.#post({ type: 'open', url: this.source.indexUrl });
    });
  }

  #receive(reply: SearchReply): void {
    switch (reply.type) {
      case 'ready': {
        const { type: _, ...figures } = reply;
        if (figures.documents !== this.source.products && this.#rebuiltBecause === undefined) {
          // An index kept from another catalog (the built one changed with a deploy): index this one.
          this.#rebuild(`The search index holds ${figures.documents} products, the catalog ${this.source.products}`);
          return;
        }
        this.#figures = figures;
        this.#finish('ready');
        this.#keepForOffline();
        return;
      }
      case 'failed':
        if (reply.offline) return this.#finish('offline', OFFLINE_MESSAGE, reply.message);
        if (this.#rebuiltBecause !== undefined) return this.#finish('failed', BROKEN_MESSAGE, reply.message);
        // A missing, damaged or foreign index file: the worker indexes the catalog instead.
        console.warn(`${reply.message}; rebuilding the search index from the catalog`);
        this.#rebuild(reply.message);
        return;
      case 'result':
        this.#pending.get(reply.id)?.resolve(reply.result);
        this.#pending.delete(reply.id);
        return;
      case 'error':
        console.error(`search: ${reply.message}`);
        this.#pending
          .get(reply.id)
          ?.reject(
            new SearchUnavailable(
              'Bei dieser Suche ist ein Fehler aufgetreten. Bitte versuchen Sie es mit anderen Worten.',
            ),
          );
        this.#pending.delete(reply.id);
    }
  }

  /** Indexes the whole catalog in the worker instead of an index file that could not be used. */
  #rebuild(reason: string): void {
    this.#rebuiltBecause = reason;
    this.source.catalog().then(
      (catalog) => this.#post({ type: 'build', catalog }),
      (error: unknown) => this.#finish('failed', BROKEN_MESSAGE, error),
    );
  }

  /**
   * Fetched before a service worker took control of the page (one that took longer to install than
   * the index waited), the index did not pass through it and is not kept for offline use: fetch it
   * once more when the worker takes over.
   * The bytes only travel into the worker's cache; nothing here reads them.
   */
  #keepForOffline(): void {
    const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!container || this.#controlledAtOpen || this.#rebuiltBecause !== undefined) return;
    const warm = () =>
      void fetch(this.source.indexUrl).then(
        (response) => response.body?.pipeTo(new WritableStream()),
        () => undefined,
      );
    if (container.controller) warm();
    else container.addEventListener('controllerchange', warm, { once: true });
  }

  #finish(state: LocalState, message?: string, cause?: unknown): void {
    this.#state = state;
    this.#error = message;
    if (cause !== undefined) console.warn('search: the device index is not available:', cause);
    if (state !== 'ready') {
      this.#worker?.terminate();
      this.#worker = undefined;
    }
    this.#settle?.();
    this.dispatchEvent(new Event('change'));
  }
}
