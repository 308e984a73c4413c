import type { Catalog } from '../domain/catalog.js';
import type { MatchRange, SearchOptions, SearchResult } from '../wasm/search-types.js';

/** A hit as the device's engine answers it: the product's id; its card comes from the listing. */
export interface DeviceHit {
  id: string;
  highlights: { title: MatchRange[]; brand: MatchRange[] };
}

export type DeviceResult = Omit<SearchResult, 'hits'> & { hits: DeviceHit[] };

/** Page → worker. */
export type SearchRequest =
  /** Fetch, check and load the index file at `url`. */
  | { type: 'open'; url: string }
  /** Index this catalog instead (the file was missing, damaged or from another catalog). */
  | { type: 'build'; catalog: Catalog }
  | { type: 'query'; id: number; query: string; options: SearchOptions };

/** How loading went, with what the benchmark and the /wasm page show. */
export interface LoadFigures {
  documents: number;
  fileBytes: number;
  fetchMs: number;
  loadMs: number;
  memoryBytes: number;
}

/** Worker → page. */
export type SearchReply =
  | ({ type: 'ready' } & LoadFigures)
  /** `offline`: the file could not be fetched at all (no network, not cached). */
  | { type: 'failed'; message: string; offline: boolean }
  | { type: 'result'; id: number; result: DeviceResult; ms: number }
  | { type: 'error'; id: number; message: string };
