import type { Catalog } from '../domain/catalog.js';
import { WasmTrapError } from '../wasm/errors.js';
import { SearchEngine, SearchIndexError, type SearchOptions, type SearchResult } from '../wasm/search.js';
import type { SearchIndexReply } from '../workers/search-index.worker.js';

export const SEARCH_INDEX_URL = '/data/search-index.bin';

/** Where a fresh index comes from when the shipped one does not fit the catalog. */
export type IndexBuilder = (catalog: Catalog) => Promise<Uint8Array>;

/** Builds in a worker where there are workers, else (Node, old browsers) right here. */
export const buildIndexInWorker: IndexBuilder = (catalog) => {
  if (typeof Worker === 'undefined') return SearchEngine.build(catalog).then((engine) => engine.image());
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/search-index.worker.ts', import.meta.url), {
      type: 'module',
      name: 'search-index',
    });
    worker.onmessage = (event: MessageEvent<SearchIndexReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.image);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the search worker failed to start'));
    };
    worker.postMessage({ catalog });
  });
};

async function fetchIndex(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new SearchIndexError(`The search index is not available (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The shop's search. Loads lazily on first use: the shipped index image (precached, so offline
 * too) goes straight into the engine's memory; if it is missing, damaged or from another catalog,
 * the index is rebuilt from the catalog in a worker. Queries then answer synchronously, so the
 * suggestions follow every keystroke. Fires `change` when it becomes ready or fails.
 */
export class SearchService extends EventTarget {
  static readonly #byCatalog = new WeakMap<Catalog, SearchService>();

  /** The one service for `catalog`; `indexUrl` is where its index image is (a published version's own). */
  static for(catalog: Catalog, indexUrl = SEARCH_INDEX_URL): SearchService {
    let service = SearchService.#byCatalog.get(catalog);
    if (!service) {
      service = new SearchService(catalog, indexUrl);
      SearchService.#byCatalog.set(catalog, service);
    }
    return service;
  }

  #engine: SearchEngine | undefined;
  #ready: Promise<void> | undefined;
  #error: string | undefined;
  #queryError: string | undefined;
  /** Why the shipped index was not used, if it was not. */
  #rebuiltBecause: string | undefined;

  constructor(
    readonly catalog: Catalog,
    private readonly indexUrl = SEARCH_INDEX_URL,
    private readonly buildIndex: IndexBuilder = buildIndexInWorker,
  ) {
    super();
  }

  /** Starts loading (once) and resolves when search works or has failed for good. */
  get ready(): Promise<void> {
    this.#ready ??= this.#load().finally(() => this.dispatchEvent(new Event('change')));
    return this.#ready;
  }

  get isReady(): boolean {
    return this.#engine !== undefined;
  }

  /** Why search cannot be used, in words for the shopper. */
  get error(): string | undefined {
    return this.#error;
  }

  /** Why the last query found nothing because it failed (the next one may work). */
  get queryError(): string | undefined {
    return this.#queryError;
  }

  get rebuiltBecause(): string | undefined {
    return this.#rebuiltBecause;
  }

  /** Results, or undefined while the index is loading or after it failed. */
  search(query: string, options?: SearchOptions): SearchResult | undefined {
    const engine = this.#engine;
    if (!engine) {
      void this.ready;
      return undefined;
    }
    this.#queryError = undefined;
    try {
      return engine.search(query, options);
    } catch (error) {
      if (!(error instanceof WasmTrapError)) throw error;
      // The engine starts afresh after a trap and copies its index back in: one more try.
      console.error(error);
    }
    try {
      return engine.search(query, options);
    } catch (error) {
      console.error(error);
      this.#queryError = 'Bei dieser Suche ist ein Fehler aufgetreten. Bitte versuchen Sie es mit anderen Worten.';
      return undefined;
    }
  }

  /** The catalog changed at run time: index the new one in a worker, keep answering meanwhile. */
  async rebuild(catalog: Catalog): Promise<SearchService> {
    const next = new SearchService(catalog, this.indexUrl, this.buildIndex);
    next.#ready = next.#loadBuilt(catalog).finally(() => next.dispatchEvent(new Event('change')));
    SearchService.#byCatalog.set(catalog, next);
    await next.#ready;
    return next;
  }

  async #load(): Promise<void> {
    try {
      this.#engine = await SearchEngine.load(this.catalog, await fetchIndex(this.indexUrl));
      return;
    } catch (error) {
      this.#rebuiltBecause = error instanceof Error ? error.message : String(error);
      console.warn(`${this.#rebuiltBecause}; rebuilding the search index from the catalog`);
    }
    await this.#loadBuilt(this.catalog);
  }

  async #loadBuilt(catalog: Catalog): Promise<void> {
    try {
      this.#engine = await SearchEngine.load(catalog, await this.buildIndex(catalog));
      this.#error = undefined;
    } catch (error) {
      console.error(error);
      this.#error = 'Die Suche ist gerade nicht verfügbar. Bitte laden Sie die Seite neu.';
    }
  }
}
