import { loadWasmModule } from '#wasm-source';
import type { Catalog, Product } from '../domain/catalog.js';
import { WasmInstance, type LadenExports, type LoadOptions } from './loader.js';
import { WasmInputError } from './errors.js';
import { checkU32 } from './checks.js';
import { FacetKeys, catalogFingerprint, documentFields } from './search-documents.js';
import { SearchIndexError, loadFailure } from './search-image.js';

export { SearchIndexError } from './search-image.js';

interface SearchExports extends LadenExports {
  inputPointer(): number;
  inputUnits(): number;
  outputPointer(): number;
  beginBuild(count: number, categories: number, brands: number, fingerprint: number): void;
  addDocument(category: number, brand: number, price: number, ratingTenths: number, inStock: number): number;
  finishBuild(): number;
  imagePointer(): number;
  imageBytes(): number;
  prepareLoad(bytes: number): number;
  commitLoad(bytes: number): number;
  fingerprint(): number;
  documentCount(): number;
  termCount(): number;
  termShown(term: number): number;
  search(
    length: number,
    prefixLast: number,
    category: number,
    brand: number,
    priceMin: number,
    priceMax: number,
    inStockOnly: number,
    sort: number,
    offset: number,
    limit: number,
  ): number;
  highlight(length: number): number;
}

export const SEARCH_SORTS = { relevance: 0, 'price-up': 1, 'price-down': 2, rating: 3 } as const;
export type SearchSort = keyof typeof SEARCH_SORTS;

export interface SearchOptions {
  /** A category id; only its products. */
  category?: string;
  /** A brand name; only its products. */
  brand?: string;
  /** Gross price range in cents, both ends included. */
  minPrice?: number;
  maxPrice?: number;
  inStockOnly?: boolean;
  sort?: SearchSort;
  offset?: number;
  /** At most 1,000 hits per call. */
  limit?: number;
  /** The last word is still being typed and matches as a prefix (default true). */
  asYouType?: boolean;
  /** Compute match ranges for title and brand of each hit (default true). */
  highlights?: boolean;
}

/** Where a hit's field matched the query: [start, end) in UTF-16 units of the field's text. */
export type MatchRange = readonly [start: number, end: number];

export interface SearchHit {
  product: Product;
  score: number;
  highlights: { title: MatchRange[]; brand: MatchRange[] };
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  query: string;
  /** Hits after filters, before offset and limit. */
  total: number;
  hits: SearchHit[];
  /** No product matched every word; these match most of them. */
  partial: boolean;
  /** Every word was found as written (exactly, inflected or inside a compound). */
  exact: boolean;
  /** The query with misspelt words replaced by the likeliest catalog words, if any were. */
  suggestion?: string;
  facets: {
    /** Per category id: what choosing it would give with the other filters on. */
    categories: FacetCount[];
    brands: FacetCount[];
    inStock: number;
    price: { min: number; max: number };
  };
}

const ANY = 0xffff;
const MAX_LIMIT = 1000;
const NO_TERM = 0xffff_ffff;

/**
 * Full-text search over a catalog, computed in WebAssembly (assembly/search). Builds its index from
 * the catalog or loads a saved index image straight into linear memory.
 */
export class SearchEngine {
  readonly #keys: FacetKeys;
  readonly #fingerprint: number;
  #image: Uint8Array = new Uint8Array(0);
  #generation = 0;

  private constructor(
    readonly catalog: Catalog,
    readonly wasm: WasmInstance<SearchExports>,
  ) {
    this.#keys = new FacetKeys(catalog);
    this.#fingerprint = catalogFingerprint(catalog);
  }

  static async #instance(options?: LoadOptions): Promise<WasmInstance<SearchExports>> {
    return new WasmInstance<SearchExports>('search', await loadWasmModule('search'), options);
  }

  /** Indexes the catalog. */
  static async build(catalog: Catalog, options?: LoadOptions): Promise<SearchEngine> {
    const engine = new SearchEngine(catalog, await SearchEngine.#instance(options));
    engine.#build();
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

  /** The index image, to be saved and loaded later with `load`. */
  image(): Uint8Array {
    return this.#image.slice();
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
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
    const category = options.category === undefined ? ANY : (this.#keys.categoryNumber(options.category) ?? ANY - 1);
    const brand = options.brand === undefined ? ANY : (this.#keys.brandNumber(options.brand) ?? ANY - 1);

    this.#writeText(text);
    const count = wasm.call('search', (e) =>
      e.search(
        text.length,
        options.asYouType === false ? 0 : 1,
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
    const out = wasm.exports.outputPointer();
    const cats = this.#keys.categories.length;
    const brands = this.#keys.brands.length;
    const body = wasm.dataView();
    const [total, flags, words, inStock, priceMin, priceMax] = [0, 2, 3, 4, 5, 6].map((slot) =>
      body.getUint32(out + slot * 4, true),
    ) as [number, number, number, number, number, number];
    let at = out + 32;
    const picks: { doc: number; score: number }[] = [];
    for (let i = 0; i < count; i++, at += 8) {
      picks.push({ doc: body.getUint32(at, true), score: body.getFloat32(at + 4, true) });
    }
    const categories = this.#facet(this.#keys.categories, body, at);
    at += cats * 4;
    const brandCounts = this.#facet(this.#keys.brands, body, at);
    at += brands * 4;
    const corrections: { start: number; end: number; term: number }[] = [];
    for (let w = 0; w < words; w++, at += 12) {
      corrections.push({
        start: body.getUint32(at, true),
        end: body.getUint32(at + 4, true),
        term: body.getUint32(at + 8, true),
      });
    }
    const hits = picks.map(({ doc, score }) => {
      const product = this.catalog.products[doc]!;
      const highlights =
        options.highlights === false
          ? { title: [], brand: [] }
          : { title: this.#highlight(product.title), brand: this.#highlight(product.brand) };
      return { product, score, highlights };
    });
    const exact = (flags & 2) !== 0;
    const suggestion = exact ? undefined : this.#suggest(text, corrections);
    return {
      query,
      total,
      hits,
      partial: (flags & 1) !== 0,
      exact,
      ...(suggestion === undefined ? {} : { suggestion }),
      facets: {
        categories,
        brands: brandCounts,
        inStock,
        price: { min: priceMin, max: priceMax },
      },
    };
  }

  /** The values with a non-zero count, in key order. */
  #facet(values: string[], body: DataView, at: number): FacetCount[] {
    const counts: FacetCount[] = [];
    for (let i = 0; i < values.length; i++) {
      const count = body.getUint32(at + i * 4, true);
      if (count > 0) counts.push({ value: values[i]!, count });
    }
    return counts;
  }

  #suggest(text: string, corrections: { start: number; end: number; term: number }[]): string | undefined {
    let result = '';
    let last = 0;
    let changed = false;
    for (const { start, end, term } of corrections) {
      if (term === NO_TERM) continue;
      const length = this.wasm.call('termShown', (e) => e.termShown(term));
      const out = this.wasm.exports.outputPointer();
      const shown = String.fromCharCode(...new Uint16Array(this.wasm.u8(out, length * 2).slice().buffer));
      result += text.slice(last, start) + shown;
      last = end;
      changed = true;
    }
    return changed ? (result + text.slice(last)).trim() : undefined;
  }

  /** Match ranges of the last search's words in `text`. */
  #highlight(text: string): MatchRange[] {
    if (text.length === 0) return [];
    const units = this.wasm.exports.inputUnits();
    const cut = text.length > units ? text.slice(0, units) : text;
    this.#writeText(cut);
    const pairs = this.wasm.call('highlight', (e) => e.highlight(cut.length));
    const out = this.wasm.exports.outputPointer();
    const view = this.wasm.u32(out, 1 + pairs * 2);
    const ranges: MatchRange[] = [];
    for (let i = 0; i < pairs; i++) ranges.push([view[1 + i * 2]!, view[2 + i * 2]!]);
    return ranges;
  }

  #writeText(text: string): void {
    const input = this.wasm.exports.inputPointer();
    const view = new Uint16Array(this.wasm.exports.memory.buffer, input, text.length);
    for (let i = 0; i < text.length; i++) view[i] = text.charCodeAt(i);
  }

  #build(): void {
    const { catalog, wasm } = this;
    const names = new Map(catalog.categories.map((c) => [c.id, c.name]));
    const units = wasm.exports.inputUnits();
    wasm.call('beginBuild', (e) =>
      e.beginBuild(catalog.products.length, this.#keys.categories.length, this.#keys.brands.length, this.#fingerprint),
    );
    const input = wasm.exports.inputPointer();
    for (const product of catalog.products) {
      const fields = documentFields(product, names.get(product.category) ?? '');
      // Fields beyond the input region's size are cut; no product text comes near it.
      let room = units - 12;
      const lengths = new Uint32Array(wasm.exports.memory.buffer, input, 6);
      const text = new Uint16Array(wasm.exports.memory.buffer, input + 24, room);
      let at = 0;
      fields.forEach((field, f) => {
        const length = Math.min(field.length, room);
        for (let i = 0; i < length; i++) text[at + i] = field.charCodeAt(i);
        lengths[f] = length;
        at += length;
        room -= length;
      });
      const price = checkU32(`price of ${product.id}`, product.price);
      const rating = Math.round(Math.min(5, Math.max(0, product.rating)) * 10);
      const added = wasm.call('addDocument', (e) =>
        e.addDocument(
          this.#keys.categoryNumber(product.category) ?? ANY,
          this.#keys.brandNumber(product.brand) ?? ANY,
          price,
          Number.isFinite(rating) ? rating : 0,
          product.stock > 0 ? 1 : 0,
        ),
      );
      if (!added) throw new Error('search: more products than announced');
    }
    const bytes = wasm.call('finishBuild', (e) => e.finishBuild());
    const pointer = wasm.exports.imagePointer();
    this.#image = wasm.u8(pointer, bytes).slice();
    this.#generation = wasm.generation;
  }

  #load(image: Uint8Array): void {
    const { wasm } = this;
    const pointer = wasm.call('prepareLoad', (e) => e.prepareLoad(image.byteLength));
    if (pointer === 0)
      throw new SearchIndexError(`The search index (${image.byteLength} bytes) does not fit into memory`);
    wasm.u8(pointer, image.byteLength).set(image);
    const code = wasm.call('commitLoad', (e) => e.commitLoad(image.byteLength));
    if (code !== 0) throw loadFailure(code, image.byteLength);
    const saved = wasm.exports.fingerprint() >>> 0;
    if (saved !== this.#fingerprint) {
      throw new SearchIndexError('The search index was built from a different catalog');
    }
    this.#image = image;
    this.#generation = wasm.generation;
  }

  /** After a trap the module starts empty: copy the index image back in. */
  #ensureLoaded(): void {
    if (this.wasm.generation !== this.#generation) this.#load(this.#image);
  }
}
