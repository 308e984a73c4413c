import { loadWasmModule } from '#wasm-source';
import type { Catalog } from '../domain/catalog.js';
import { WasmInstance, type LoadOptions } from './loader.js';
import { WasmInputError } from './errors.js';
import { checkU32 } from './checks.js';
import { buildIndex, loadIndex } from './search-build.js';
import { readRanges, readResult, suggestion } from './search-decode.js';
import { INDEXED_FIELDS, type FacetKeys, type SearchField } from './search-documents.js';
import { ANY, MODE, type SearchExports } from './search-layout.js';
import { SEARCH_SORTS, type MatchRange, type SearchOptions, type SearchResult } from './search-types.js';

const MAX_LIMIT = 1000;

/** The text a hit's highlights are computed on. */
export interface HitTexts {
  title(doc: number): string;
  brand(doc: number): string;
}

export interface DocHit {
  doc: number;
  score: number;
  highlights: { title: MatchRange[]; brand: MatchRange[] };
}

export type DocResult = Omit<SearchResult, 'hits'> & { hits: DocHit[] };

/**
 * The engine's instance with its index: searches and answers document numbers. What a number
 * stands for (a catalog's product, a row of an index file's document table) is the caller's.
 */
export class IndexSearch {
  readonly wasm: WasmInstance<SearchExports>;
  #image: Uint8Array = new Uint8Array(0);
  #generation = 0;

  private constructor(
    wasm: WasmInstance<SearchExports>,
    readonly keys: FacetKeys,
    /** Checked against a loaded image's; undefined: not checked (an index file carries its own keys). */
    private readonly fingerprint: number | undefined,
    private readonly texts: HitTexts,
  ) {
    this.wasm = wasm;
  }

  static async create(
    keys: FacetKeys,
    fingerprint: number | undefined,
    texts: HitTexts,
    options?: LoadOptions,
  ): Promise<IndexSearch> {
    const wasm = new WasmInstance<SearchExports>('search', await loadWasmModule('search'), options);
    return new IndexSearch(wasm, keys, fingerprint, texts);
  }

  /** Indexes `fields` of the catalog's products. */
  build(catalog: Catalog, fields: readonly SearchField[] = INDEXED_FIELDS): void {
    this.#image = buildIndex(this.wasm, catalog, this.keys, this.fingerprint ?? 0, fields);
    this.#generation = this.wasm.generation;
  }

  /** Loads an engine image; throws SearchIndexError when damaged or from another catalog. */
  load(image: Uint8Array): void {
    loadIndex(this.wasm, image, this.fingerprint);
    this.#image = image;
    this.#generation = this.wasm.generation;
  }

  /** The engine's image (without an index file's document table). */
  get image(): Uint8Array {
    return this.#image;
  }

  search(query: string, options: SearchOptions = {}): DocResult {
    this.#ensureLoaded();
    const wasm = this.wasm;
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
    const category = options.category === undefined ? ANY : (this.keys.categoryNumber(options.category) ?? ANY - 1);
    const brand = options.brand === undefined ? ANY : (this.keys.brandNumber(options.brand) ?? ANY - 1);

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
    const raw = readResult(wasm, count, this.keys, facets);
    const hits = raw.picks.map(({ doc, score }) => ({
      doc,
      score,
      highlights:
        options.highlights === false
          ? { title: [], brand: [] }
          : { title: this.#highlight(this.texts.title(doc)), brand: this.#highlight(this.texts.brand(doc)) },
    }));
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
    const units = this.wasm.exports.inputUnits();
    const cut = text.length > units ? text.slice(0, units) : text;
    this.#writeText(cut);
    const pairs = this.wasm.call('highlight', (e) => e.highlight(cut.length));
    return readRanges(this.wasm, pairs);
  }

  #writeText(text: string): void {
    const input = this.wasm.exports.inputPointer();
    const view = new Uint16Array(this.wasm.exports.memory.buffer, input, text.length);
    for (let i = 0; i < text.length; i++) view[i] = text.charCodeAt(i);
  }

  /** After a trap the module starts empty: copy the index image back in. */
  #ensureLoaded(): void {
    if (this.wasm.generation !== this.#generation) this.load(this.#image);
  }
}
