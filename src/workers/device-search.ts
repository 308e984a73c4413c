import type { Catalog } from '../domain/catalog.js';
import { IndexSearch } from '../wasm/search-core.js';
import { FacetKeys } from '../wasm/search-documents.js';
import { readDocs, unpackIndex, type IndexDocs } from '../wasm/search-package.js';
import { indexDocs } from '../wasm/search.js';
import type { SearchOptions } from '../wasm/search-types.js';
import type { DeviceResult } from './search-protocol.js';

/**
 * The engine as the worker runs it: loaded from an index file alone (its document table names the
 * products and holds the titles and brands highlights are computed on), answering ids.
 */
export class DeviceSearch {
  private constructor(
    private readonly core: IndexSearch,
    private readonly docs: IndexDocs,
  ) {}

  /** Checks and loads an index file; throws SearchIndexError when it is damaged. */
  static async open(file: Uint8Array): Promise<DeviceSearch> {
    const { image, table } = unpackIndex(file);
    const docs = readDocs(table);
    const core = await IndexSearch.create(new FacetKeys(docs), undefined, textsOf(docs));
    core.load(image);
    return new DeviceSearch(core, docs);
  }

  /** Indexes a catalog (when no usable index file was there). */
  static async build(catalog: Catalog): Promise<DeviceSearch> {
    const keys = new FacetKeys(catalog);
    const docs = indexDocs(catalog, keys);
    const core = await IndexSearch.create(keys, undefined, textsOf(docs));
    core.build(catalog);
    return new DeviceSearch(core, docs);
  }

  get documents(): number {
    return this.docs.ids.length;
  }

  get memoryBytes(): number {
    return this.core.wasm.memoryBytes;
  }

  search(query: string, options: SearchOptions): DeviceResult {
    const result = this.core.search(query, options);
    return {
      ...result,
      hits: result.hits.map(({ doc, highlights }) => ({ id: this.docs.ids[doc]!, highlights })),
    };
  }
}

function textsOf(docs: IndexDocs) {
  return {
    title: (doc: number) => docs.titles[doc] ?? '',
    brand: (doc: number) => docs.brands[docs.brandOf[doc] ?? 0] ?? '',
  };
}
