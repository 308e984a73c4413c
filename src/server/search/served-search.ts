import { readFile } from 'node:fs/promises';
import { cardOf } from '../../domain/card-of.js';
import type { SearchApiAnswer } from '../../domain/search-api.js';
import { SearchEngine, SearchIndexError, type SearchOptions } from '../../wasm/search.js';
import type { ServedCatalog } from '../catalog/served.js';

/** The version asked for is gone (pruned by a newer publish); the caller asks again. */
export class SearchVersionGone extends Error {}

/**
 * Search over the catalog this server sells from. Like the pricing engine, the search engine of a
 * version is made once (from the version's saved index, else by indexing its catalog) and kept while
 * that version is served; a publish makes the next query load the new one.
 */
export class ServedSearch {
  readonly #served: ServedCatalog;
  readonly #builtIndexPath: string;
  #engine: { version: number; engine: Promise<SearchEngine> } | undefined;

  constructor(served: ServedCatalog, builtIndexPath: string) {
    this.#served = served;
    this.#builtIndexPath = builtIndexPath;
  }

  /**
   * Loads the served version's engine now, so the first shopper's query does not wait for it (at
   * 100,000 products that is seconds). A failure is left for the first query to meet and report.
   */
  async warm(): Promise<void> {
    try {
      await this.#engineOf((await this.#served.head())?.version ?? 0);
    } catch {
      // the first query tries again and answers the error
    }
  }

  async search(query: string, options: SearchOptions): Promise<SearchApiAnswer> {
    const version = (await this.#served.head())?.version ?? 0;
    const engine = await this.#engineOf(version);
    const result = engine.search(query, options);
    return {
      version,
      query: result.query,
      total: result.total,
      hits: result.hits.map((hit) => ({ card: cardOf(hit.product), highlights: hit.highlights })),
      partial: result.partial,
      exact: result.exact,
      ...(result.suggestion === undefined ? {} : { suggestion: result.suggestion }),
      facets: result.facets,
    };
  }

  #engineOf(version: number): Promise<SearchEngine> {
    if (this.#engine?.version !== version) {
      const engine = this.#makeEngine(version);
      this.#engine = { version, engine };
      // A failed load is not kept: the next query tries again.
      engine.catch(() => {
        if (this.#engine?.engine === engine) this.#engine = undefined;
      });
    }
    return this.#engine.engine;
  }

  async #makeEngine(version: number): Promise<SearchEngine> {
    const source = await this.#served.searchSource(version);
    if (!source) throw new SearchVersionGone(`catalog version ${version} vanished while it was being read`);
    const index =
      source.index ??
      (await readFile(this.#builtIndexPath).then(
        (b) => new Uint8Array(b),
        () => undefined,
      ));
    if (index) {
      try {
        return await SearchEngine.load(source.catalog, index);
      } catch (error) {
        if (!(error instanceof SearchIndexError)) throw error;
        console.warn(`search: ${error.message}; indexing catalog version ${version} instead`);
      }
    }
    return SearchEngine.build(source.catalog);
  }
}
