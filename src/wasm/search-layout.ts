import type { LadenExports } from './loader.js';

/**
 * The search module's output layout, mirrored from assembly/search/layout.ts (tests/unit/search/
 * layout.test.ts fails when the two differ). `search` writes u32 slots from `outputPointer()`:
 *
 *   head        OUT.head slots: total, count, flags, words, in stock, price min, price max, matched
 *   hits        count x (doc u32, score f32)                      OUT.hitSlots each
 *   categories  u32 per category, then brands: u32 per brand      what choosing each would give
 *   words       words x (start, end, suggested term or NO_TERM)   OUT.wordSlots each
 *
 * `highlight` writes the pair count, then (start, end) pairs; `termShown` writes UTF-16 units.
 */
export const OUT = {
  total: 0,
  count: 1,
  flags: 2,
  words: 3,
  inStock: 4,
  priceMin: 5,
  priceMax: 6,
  matched: 7,
  head: 8,
  hitSlots: 2,
  wordSlots: 3,
} as const;

export const FLAG = { partial: 1, allExact: 2 } as const;

/**
 * Bits of search()'s `mode`: the last word is being typed (a prefix); facets are not wanted; every
 * match is scored instead of only the competitive ones (tests compare the two).
 */
export const MODE = { asYouType: 1, noFacets: 2, exhaustive: 4 } as const;

/** "Any" for the category and brand filters; ANY - 1 matches nothing. */
export const ANY = 0xffff;
/** A word's suggestion when it stands as typed. */
export const NO_TERM = 0xffff_ffff;
/** At most this many words of a query are read. */
export const MAX_WORDS = 16;

/** The names assembly/search/layout.ts gives the same numbers. */
export const ASSEMBLY_NAMES: Record<string, number> = {
  MAX_WORDS,
  MODE_AS_YOU_TYPE: MODE.asYouType,
  MODE_NO_FACETS: MODE.noFacets,
  MODE_EXHAUSTIVE: MODE.exhaustive,
  ANY,
  NO_TERM,
  O_TOTAL: OUT.total,
  O_COUNT: OUT.count,
  O_FLAGS: OUT.flags,
  O_WORDS: OUT.words,
  O_IN_STOCK: OUT.inStock,
  O_PRICE_MIN: OUT.priceMin,
  O_PRICE_MAX: OUT.priceMax,
  O_MATCHED: OUT.matched,
  O_HEAD: OUT.head,
  HIT_SLOTS: OUT.hitSlots,
  WORD_SLOTS: OUT.wordSlots,
  FLAG_PARTIAL: FLAG.partial,
  FLAG_ALL_EXACT: FLAG.allExact,
};

export interface SearchExports extends LadenExports {
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
    mode: number,
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
  /** Work counters of the last search (assembly/search/stats.ts), for profiling. */
  work(kind: number): number;
}
