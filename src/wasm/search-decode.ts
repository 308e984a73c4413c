import type { WasmInstance } from './loader.js';
import type { FacetKeys } from './search-documents.js';
import { FLAG, NO_TERM, OUT, type SearchExports } from './search-layout.js';
import type { FacetCount, MatchRange } from './search-types.js';

/** One query word: where it stood in the query and the term suggested for it (NO_TERM: as typed). */
export interface Correction {
  start: number;
  end: number;
  term: number;
}

/** What one `search` call wrote to the output region, decoded. */
export interface RawResult {
  total: number;
  partial: boolean;
  exact: boolean;
  inStock: number;
  priceMin: number;
  priceMax: number;
  picks: { doc: number; score: number }[];
  categories: FacetCount[];
  brands: FacetCount[];
  corrections: Correction[];
}

const SLOT = 4;

/** Decodes the output of a `search` call that returned `count` hits (facet lists only if counted). */
export function readResult(
  wasm: WasmInstance<SearchExports>,
  count: number,
  keys: FacetKeys,
  facets = true,
): RawResult {
  const out = wasm.exports.outputPointer();
  const body = wasm.dataView();
  const slot = (index: number): number => body.getUint32(out + index * SLOT, true);
  const flags = slot(OUT.flags);
  let at = out + OUT.head * SLOT;
  const picks: { doc: number; score: number }[] = [];
  for (let i = 0; i < count; i++, at += OUT.hitSlots * SLOT) {
    picks.push({ doc: body.getUint32(at, true), score: body.getFloat32(at + SLOT, true) });
  }
  const categories = facets ? facet(keys.categories, body, at) : [];
  at += keys.categories.length * SLOT;
  const brands = facets ? facet(keys.brands, body, at) : [];
  at += keys.brands.length * SLOT;
  const corrections: Correction[] = [];
  for (let w = 0, words = slot(OUT.words); w < words; w++, at += OUT.wordSlots * SLOT) {
    corrections.push({
      start: body.getUint32(at, true),
      end: body.getUint32(at + SLOT, true),
      term: body.getUint32(at + 2 * SLOT, true),
    });
  }
  return {
    total: slot(OUT.total),
    partial: (flags & FLAG.partial) !== 0,
    exact: (flags & FLAG.allExact) !== 0,
    inStock: slot(OUT.inStock),
    priceMin: slot(OUT.priceMin),
    priceMax: slot(OUT.priceMax),
    picks,
    categories,
    brands,
    corrections,
  };
}

/** The values with a non-zero count, in key order. */
function facet(values: string[], body: DataView, at: number): FacetCount[] {
  const counts: FacetCount[] = [];
  for (let i = 0; i < values.length; i++) {
    const count = body.getUint32(at + i * SLOT, true);
    if (count > 0) counts.push({ value: values[i]!, count });
  }
  return counts;
}

/** The query with each suggested term in place of the word it corrects; undefined when none is. */
export function suggestion(
  wasm: WasmInstance<SearchExports>,
  text: string,
  corrections: Correction[],
): string | undefined {
  let result = '';
  let last = 0;
  let changed = false;
  for (const { start, end, term } of corrections) {
    if (term === NO_TERM) continue;
    const length = wasm.call('termShown', (e) => e.termShown(term));
    const out = wasm.exports.outputPointer();
    const shown = String.fromCharCode(...new Uint16Array(wasm.u8(out, length * 2).slice().buffer));
    result += text.slice(last, start) + shown;
    last = end;
    changed = true;
  }
  return changed ? (result + text.slice(last)).trim() : undefined;
}

/** The (start, end) pairs a `highlight` call wrote. */
export function readRanges(wasm: WasmInstance<SearchExports>, pairs: number): MatchRange[] {
  const view = wasm.u32(wasm.exports.outputPointer(), 1 + pairs * 2);
  const ranges: MatchRange[] = [];
  for (let i = 0; i < pairs; i++) ranges.push([view[1 + i * 2]!, view[2 + i * 2]!]);
  return ranges;
}
