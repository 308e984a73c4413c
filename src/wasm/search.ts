import { loadWasmModule } from '#wasm-source';
import type { Catalog } from '../domain/catalog.js';
import { WasmInstance, ownInstance, type LoadOptions } from './loader.js';
import { WasmInputError } from './errors.js';
import { checkU32 } from './checks.js';
import { buildIndex, loadIndex } from './search-build.js';
import { readRanges, readResult, suggestion } from './search-decode.js';
import { FacetKeys, catalogFingerprint } from './search-documents.js';
import { ANY, MODE, type SearchExports } from './search-layout.js';
import { SEARCH_SORTS, type MatchRange, type SearchOptions, type SearchResult } from './search-types.js';

export { SearchIndexError } from './search-image.js';
export * from './search-types.js';

const MAX_LIMIT = 1000;

/**
 * Full-text search over a catalog, computed in WebAssembly (assembly/search). Builds its index from
 * the catalog or loads a saved index image straight into linear memory. The module's memory
 * layout is described in ./search-layout.ts.
 */
export class SearchEngine {
  readonly #wasm: WasmInstance<SearchExports>;
  readonly #keys: FacetKeys;
  readonly #fingerprint: number;
  #image: Uint8Array = new Uint8Array(0);
  #generation = 0;

  private constructor(
    readonly catalog: Catalog,
    wasm: WasmInstance<SearchExports>,
  ) {
    this.#wasm = ownInstance(this, wasm);
    this.#keys = new FacetKeys(catalog);
    this.#fingerprint = catalogFingerprint(catalog);
  }

  static async #instance(options?: LoadOptions): Promise<WasmInstance<SearchExports>> {
    return new WasmInstance<SearchExports>('search', await loadWasmModule('search'), options);
  }

  /** Indexes the catalog. */
  static async build(catalog: Catalog, options?: LoadOptions): Promise<SearchEngine> {
    const engine = new SearchEngine(catalog, await SearchEngine.#instance(options));
    engine.#image = buildIndex(engine.#wasm, catalog, engine.#keys, engine.#fingerprint);
    engine.#generation = engine.#wasm.generation;
    return engine;
  }

  /** Loads a saved index image; throws SearchIndexError when it is damaged or from another catalog. */
  static async load(catalog: Catalog, image: Uint8Array, options?: LoadOptions): Promise<SearchEngine> {
    const engine = new SearchEngine(catalog, await SearchEngine.#instance(options));
    engine.#load(image);
    return engine;
  }

  /** Size of the index image in bytes. */
  get indexBytes(): number {
    return this.#image.byteLength;
  }

  /** Bytes of linear memory the engine's instance holds (shown on the /wasm page). */
  get memoryBytes(): number {
    return this.#wasm.memoryBytes;
  }

  /** The index image, to be saved and loaded later with `load`. */
  image(): Uint8Array {
    return this.#image.slice();
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    this.#ensureLoaded();
    const wasm = this.#wasm;
    // region sizes and addresses are constants of the module: no trap to guard against
    const units = wasm.exports.inputUnits();
    const text = query.length > units ? query.slice(0, units) : query;
    const limit = checkU32('limit', options.limit ?? 20);
    if (limit > MAX_LIMIT) throw new WasmInputError(`limit must be at most ${MAX_LIMIT}, got ${limit}`);
    const offset = checkU32('offset', options.offset ?? 0);
    const minPrice = checkU32('minPrice', options.minPrice ?? 0);
    const maxPrice = checkU32('maxPrice', options.maxPrice ?? 0xffff_ffff);
    const sort = SEARCH_SORTS[options.sort ?? 'relevance'];
    if (sort === undefined) throw new WasmInputError(`unknown sort "${String(options.sort)}"`);
    // An unknown category or brand matches nothing rather than everything.
    const category = options.category === undefined ? ANY : (this.#keys.categoryNumber(options.category) ?? ANY - 1);
    const brand = options.brand === undefined ? ANY : (this.#keys.brandNumber(options.brand) ?? ANY - 1);

    const facets = options.facets !== false;
    const mode = (options.asYouType === false ? 0 : MODE.asYouType) | (facets ? 0 : MODE.noFacets);
    this.#writeText(text);
    const count = wasm.call('search', (e) =>
      e.search(
        text.length,
        mode,
        category,
        brand,
        minPrice,
        maxPrice,
        options.inStockOnly ? 1 : 0,
        sort,
        offset,
        limit,
      ),
    );
    const raw = readResult(wasm, count, this.#keys, facets);
    const hits = raw.picks.map(({ doc, score }) => {
      const product = this.catalog.products[doc]!;
      const highlights =
        options.highlights === false
          ? { title: [], brand: [] }
          : { title: this.#highlight(product.title), brand: this.#highlight(product.brand) };
      return { product, score, highlights };
    });
    const suggested = raw.exact ? undefined : suggestion(wasm, text, raw.corrections);
    return {
      query,
      total: raw.total,
      hits,
      partial: raw.partial,
      exact: raw.exact,
      ...(suggested === undefined ? {} : { suggestion: suggested }),
      facets: {
        categories: raw.categories,
        brands: raw.brands,
        inStock: raw.inStock,
        price: { min: raw.priceMin, max: raw.priceMax },
      },
    };
  }

  /** Match ranges of the last search's words in `text`. */
  #highlight(text: string): MatchRange[] {
    if (text.length === 0) return [];
    const units = this.#wasm.exports.inputUnits();
    const cut = text.length > units ? text.slice(0, units) : text;
    this.#writeText(cut);
    const pairs = this.#wasm.call('highlight', (e) => e.highlight(cut.length));
    return readRanges(this.#wasm, pairs);
  }

  #writeText(text: string): void {
    const input = this.#wasm.exports.inputPointer();
    const view = new Uint16Array(this.#wasm.exports.memory.buffer, input, text.length);
    for (let i = 0; i < text.length; i++) view[i] = text.charCodeAt(i);
  }

  #load(image: Uint8Array): void {
    loadIndex(this.#wasm, image, this.#fingerprint);
    this.#image = image;
    this.#generation = this.#wasm.generation;
  }

  /** After a trap the module starts empty: copy the index image back in. */
  #ensureLoaded(): void {
    if (this.#wasm.generation !== this.#generation) this.#load(this.#image);
  }
}
