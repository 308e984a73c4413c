// What a search writes to OUTPUT, read by src/wasm/search-layout.ts (a unit test checks that the
// two agree). u32 slots from the start of OUTPUT:
//
//   head  HEAD slots: TOTAL .. MATCHED below
//   hits  COUNT x (doc u32, score f32)                       HIT_SLOTS each
//   categories u32 per category, brands u32 per brand        what choosing each would give (0s
//              with MODE_NO_FACETS, which leaves the in-stock count and price range 0 too)
//   words WORDS x (start u32, end u32, suggested term u32)   WORD_SLOTS each; NO_TERM: as typed
//
// highlight() writes the pair count, then (start, end) pairs.

/** At most this many words of a query are read. */
export const MAX_WORDS: i32 = 16;

/**
 * Bits of search()'s `mode`: the last word is being typed (a prefix); facets are not wanted; every
 * match is scored, no pruning (for comparing the two: results must be the same).
 */
export const MODE_AS_YOU_TYPE: u32 = 1;
export const MODE_NO_FACETS: u32 = 2;
export const MODE_EXHAUSTIVE: u32 = 4;

/** "Any" for the category and brand filters. */
export const ANY: u32 = 0xffff;

/** A word's suggestion when it stands as typed. */
export const NO_TERM: u32 = 0xffffffff;

export const O_TOTAL: u32 = 0;
export const O_COUNT: u32 = 1;
export const O_FLAGS: u32 = 2;
export const O_WORDS: u32 = 3;
export const O_IN_STOCK: u32 = 4;
export const O_PRICE_MIN: u32 = 5;
export const O_PRICE_MAX: u32 = 6;
export const O_MATCHED: u32 = 7;
export const O_HEAD: u32 = 8;
export const HIT_SLOTS: u32 = 2;
export const WORD_SLOTS: u32 = 3;

/** No product matched every word; the hits match most of them. */
export const FLAG_PARTIAL: u32 = 1;
/** Every word was found as written. */
export const FLAG_ALL_EXACT: u32 = 2;
