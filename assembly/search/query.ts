// One search: words of the query are expanded into dictionary terms (./expand), their postings
// are scored with BM25 (./score), documents must match every word, then filters, facet counts and
// the top hits in the requested order are written to OUTPUT (laid out in ./layout).

import { INPUT, OUTPUT, OUTPUT_BYTES, alloc, release } from './arena';
import * as img from './image';
import { FOLD_BUF, MAX_WORD, foldWord, nextWord, wordEnd } from './text';
import { findTerm } from './terms';
import { SORT_RELEVANCE, beginTop, finishTop, offerTop, setSortMode } from './rank';
import {
  allocateScratch,
  docF32,
  docMask,
  docPrice,
  docRatingStock,
  docScore,
  docTypos,
  docU32,
  hitStamp,
  qTouched,
  qTouchedCount,
  scratchTop,
  setDocF32,
  setU32,
  stamp,
  termHit,
  u32At,
} from './scratch';
import { setupNorms, scoreWords } from './score';
import { WORK_CANDIDATES, WORK_PASSES, addWork, resetWork } from './stats';
import { resetWalkBudget } from './typo';
import { exCount, expandAll, typosSkipped } from './expand';
import { clearMatch, conjoin, nextMatch, topByImpact } from './prune';
import {
  boostFor,
  brandCounts,
  catCounts,
  countMatch,
  countUnread,
  filtersOrFacets,
  highest,
  inStockCount,
  lowest,
  setFilters,
  total,
} from './facets';
import {
  FLAG_ALL_EXACT,
  FLAG_PARTIAL,
  HIT_SLOTS,
  MODE_AS_YOU_TYPE,
  MODE_EXHAUSTIVE,
  MODE_NO_FACETS,
  MAX_WORDS,
  O_COUNT,
  O_FLAGS,
  O_HEAD,
  O_IN_STOCK,
  O_MATCHED,
  O_PRICE_MAX,
  O_PRICE_MIN,
  O_TOTAL,
  O_WORDS,
  WORD_SLOTS,
} from './layout';

/** Allocates the scratch that belongs to the loaded index (call after build or load). */
export function setupScratch(): void {
  allocateScratch();
  setupNorms();
}

function out(slot: u32, v: u32): void {
  store<u32>(OUTPUT + ((<usize>slot) << 2), v);
}

/**
 * Filters, counts and offers the documents ./score.ts left in qTouched, every match scored: those
 * matching every word, or when none does, those matching the most words. Returns that count.
 */
function scoreAll(words: i32): i32 {
  const all: u32 = words >= 32 ? 0xffffffff : ((<u32>1) << (<u32>words)) - 1;
  let bestWords = 0;
  for (let k: u32 = 0; k < qTouchedCount; k++) {
    const mask = docU32(docMask, u32At(qTouched, k));
    if (mask == all) {
      bestWords = words;
      break;
    }
    bestWords = max(bestWords, <i32>popcnt(mask));
  }
  const partial = bestWords > 0 && bestWords < words;
  addWork(WORK_CANDIDATES, qTouchedCount);
  for (let i: u32 = 0; i < qTouchedCount; i++) {
    const doc = u32At(qTouched, i);
    const mask = docU32(docMask, doc);
    if (partial ? <i32>popcnt(mask) < bestWords : mask != all) continue;
    if (!countMatch(doc)) continue;
    setDocF32(docScore, doc, docF32(docScore, doc) * boostFor(doc));
    offerTop(doc);
  }
  return bestWords;
}

/**
 * Runs the query in INPUT (`length` UTF-16 units). Writes to OUTPUT: the head slots, `count`
 * hits (doc u32, score f32), category counts, brand counts, then per word: its start and end in
 * the query and the suggested term (or NO_TERM when the word stands as typed). `mode` holds
 * MODE_* bits: the last word as a prefix, facets skipped. Returns the hit count, or -1 when no index is loaded.
 */
export function search(
  length: i32,
  mode: u32,
  category: u32,
  brand: u32,
  priceMin: u32,
  priceMax: u32,
  inStockOnly: bool,
  sort: i32,
  offset: u32,
  limit: u32,
): i32 {
  if (!img.loaded) return -1;
  release(scratchTop);
  resetWork();
  resetWalkBudget();
  hitStamp = ++stamp;
  qTouchedCount = 0;
  for (let w = 0; w < MAX_WORDS; w++) setU32(exCount, w, 0);
  // words of the query, folded, kept with where they stood
  const wordKeys = alloc(MAX_WORDS * MAX_WORD * 2);
  const wordLens = alloc(MAX_WORDS * 4);
  const wordSpans = alloc(MAX_WORDS * 8);
  let words = 0;
  let at = nextWord(INPUT, length, 0);
  while (at >= 0 && words < MAX_WORDS) {
    const end = wordEnd;
    const folded = foldWord(INPUT + ((<usize>at) << 1), end - at);
    if (folded > 0) {
      memory.copy(wordKeys + <usize>words * MAX_WORD * 2, FOLD_BUF, (<usize>folded) << 1);
      setU32(wordLens, words, folded);
      setU32(wordSpans, words * 2, at);
      setU32(wordSpans, words * 2 + 1, end);
      words++;
    }
    at = nextWord(INPUT, length, end);
  }
  // the last word is still being typed unless the query ends in a separator
  const typing = (mode & MODE_AS_YOU_TYPE) != 0 && words > 0 && u32At(wordSpans, (words - 1) * 2 + 1) == <u32>length;
  const suggestions = alloc(MAX_WORDS * 4);
  const order = alloc(MAX_WORDS * 4);
  let allExact = expandAll(words, wordKeys, wordLens, typing, false, suggestions, order);
  let matched = conjoin(words, order);
  if (matched == 0 && typosSkipped) {
    allExact = expandAll(words, wordKeys, wordLens, typing, true, suggestions, order);
    matched = conjoin(words, order);
  }
  const facets = (mode & MODE_NO_FACETS) == 0;
  const cats = <u32>img.categoryCount;
  const brands = <u32>img.brandCount;
  setFilters(
    category,
    brand,
    priceMin,
    priceMax,
    inStockOnly,
    facets,
    alloc(facets ? (<usize>cats) << 2 : 0),
    alloc(facets ? (<usize>brands) << 2 : 0),
  );
  const k = <u32>min(<u64>offset + <u64>limit, 10000);
  const top = alloc((<usize>k) << 2);
  beginTop(top, k);
  setSortMode(sort, docScore, docTypos, docPrice, docRatingStock);
  let bestWords = 0;
  if (matched > 0 && sort == SORT_RELEVANCE && (mode & MODE_EXHAUSTIVE) == 0) {
    // every match is counted, only the competitive ones are scored (./prune.ts)
    bestWords = words;
    if (filtersOrFacets()) {
      for (let doc = nextMatch(0); doc >= 0; doc = nextMatch(<u32>doc + 1)) {
        if (!countMatch(<u32>doc)) clearMatch(<u32>doc);
      }
    } else countUnread(matched);
    addWork(WORK_PASSES, 1);
    topByImpact(words, order);
  } else {
    if (matched > 0) scoreWords(words, order, true);
    else if (words > 1) scoreWords(words, order, false);
    bestWords = scoreAll(words);
  }
  const partial = bestWords > 0 && bestWords < words;
  const kept = finishTop();
  const count = kept > offset ? min(kept - offset, limit) : 0;
  const space = (OUTPUT_BYTES >> 2) - O_HEAD - cats - brands - WORD_SLOTS * MAX_WORDS;
  const shown = min(count, <u32>(space / HIT_SLOTS));
  out(O_TOTAL, total);
  out(O_COUNT, shown);
  out(O_FLAGS, (partial ? FLAG_PARTIAL : 0) | (allExact ? FLAG_ALL_EXACT : 0));
  out(O_WORDS, words);
  out(O_IN_STOCK, inStockCount);
  out(O_PRICE_MIN, lowest == 0xffffffff ? 0 : lowest);
  out(O_PRICE_MAX, highest);
  out(O_MATCHED, <u32>bestWords);
  let slot: u32 = O_HEAD;
  for (let i: u32 = 0; i < shown; i++) {
    const doc = load<u32>(top + ((<usize>(offset + i)) << 2));
    out(slot, doc);
    store<f32>(OUTPUT + ((<usize>(slot + 1)) << 2), docF32(docScore, doc));
    slot += HIT_SLOTS;
  }
  if (facets) {
    for (let i: u32 = 0; i < cats; i++) out(slot++, u32At(catCounts, i));
    for (let i: u32 = 0; i < brands; i++) out(slot++, u32At(brandCounts, i));
  } else {
    memory.fill(OUTPUT + ((<usize>slot) << 2), 0, (<usize>(cats + brands)) << 2);
    slot += cats + brands;
  }
  for (let w = 0; w < words; w++) {
    out(slot++, u32At(wordSpans, w * 2));
    out(slot++, u32At(wordSpans, w * 2 + 1));
    out(slot++, u32At(suggestions, w));
  }
  return <i32>shown;
}

/**
 * Marks the words of INPUT (`length` units) that the last search matched: writes the count and
 * then (start, end) pairs to OUTPUT. Used on the few hits a page shows.
 */
export function highlight(length: i32): i32 {
  if (!img.loaded) return -1;
  let pairs = 0;
  const maxPairs = <i32>((OUTPUT_BYTES >> 3) - 1);
  let at = nextWord(INPUT, length, 0);
  while (at >= 0 && pairs < maxPairs) {
    const end = wordEnd;
    const folded = foldWord(INPUT + ((<usize>at) << 1), end - at);
    if (folded > 0) {
      const t = findTerm(FOLD_BUF, folded);
      if (t >= 0 && u32At(termHit, <u32>t) == hitStamp && hitStamp != 0) {
        out(1 + 2 * pairs, at);
        out(2 + 2 * pairs, end);
        pairs++;
      }
    }
    at = nextWord(INPUT, length, end);
  }
  out(0, pairs);
  return pairs;
}
