import type { Catalog } from '../domain/catalog.js';
import { ownInstance, type LoadOptions } from './loader.js';
import { IndexSearch } from './search-core.js';
import { FacetKeys, INDEXED_FIELDS, catalogFingerprint, type SearchField } from './search-documents.js';
import { packIndex, unpackIndex, type IndexDocs } from './search-package.js';
import type { SearchOptions, SearchResult } from './search-types.js';

export { SearchIndexError } from './search-image.js';
export * from './search-types.js';

/** The document table an index file carries for `catalog` (see ./search-package.ts). */
export function indexDocs(catalog: Catalog, keys: FacetKeys): IndexDocs {
  return {
    categories: keys.categories,
    brands: keys.brands,
    ids: catalog.products.map((p) => p.id),
    titles: catalog.products.map((p) => p.title),
    brandOf: catalog.products.map((p) => keys.brandNumber(p.brand) ?? 0),
  };
}

/**
 * Full-text search over a catalog, computed in WebAssembly (assembly/search). Builds its index from
 * the catalog or loads a saved index file (./search-package.ts) straight into linear memory. The
 * module's memory layout is described in ./search-layout.ts.
 */
export class SearchEngine {
  readonly #core: IndexSearch;
  #file: Uint8Array | undefined;

  private constructor(
    readonly catalog: Catalog,
    core: IndexSearch,
  ) {
    this.#core = core;
    ownInstance(this, core.wasm);
  }

  static async #create(catalog: Catalog, fields: readonly SearchField[], options?: LoadOptions) {
    const keys = new FacetKeys(catalog);
    const texts = {
      title: (doc: number) => catalog.products[doc]!.title,
      brand: (doc: number) => catalog.products[doc]!.brand,
    };
    return new SearchEngine(
      catalog,
      await IndexSearch.create(keys, catalogFingerprint(catalog, fields), texts, options),
    );
  }

  /** Indexes the catalog (the fields the shipped index holds, unless told others). */
  static async build(
    catalog: Catalog,
    options?: LoadOptions & { fields?: readonly SearchField[] },
  ): Promise<SearchEngine> {
    const fields = options?.fields ?? INDEXED_FIELDS;
    const engine = await SearchEngine.#create(catalog, fields, options);
    engine.#core.build(catalog, fields);
    return engine;
  }

  /** Loads a saved index file; throws SearchIndexError when it is damaged or from another catalog. */
  static async load(catalog: Catalog, file: Uint8Array, options?: LoadOptions): Promise<SearchEngine> {
    const engine = await SearchEngine.#create(catalog, INDEXED_FIELDS, options);
    engine.#core.load(unpackIndex(file).image);
    engine.#file = file;
    return engine;
  }

  /** Size of the index file in bytes. */
  get indexBytes(): number {
    return this.#packed().byteLength;
  }

  /** Bytes of linear memory the engine's instance holds (shown on the /wasm page). */
  get memoryBytes(): number {
    return this.#core.wasm.memoryBytes;
  }

  /** The index file, to be saved and loaded later with `load`. */
  image(): Uint8Array {
    return this.#packed().slice();
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const result = this.#core.search(query, options);
    return {
      ...result,
      hits: result.hits.map(({ doc, score, highlights }) => ({
        product: this.catalog.products[doc]!,
        score,
        highlights,
      })),
    };
  }

  #packed(): Uint8Array {
    this.#file ??= packIndex(this.#core.image, indexDocs(this.catalog, this.#core.keys));
    return this.#file;
  }
}
