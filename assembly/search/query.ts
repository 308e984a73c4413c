// One search: words of the query are expanded into dictionary terms (exact > stem > compound >
// prefix > typo), their postings are scored with BM25F, documents must match every word, then
// filters, facet counts and the top hits in the requested order are written to OUTPUT.

import { INPUT, OUTPUT, OUTPUT_BYTES, alloc, mark, release } from './arena';
import * as img from './image';
import { FOLD_BUF, MAX_WORD, foldWord, nextWord, stemLength, wordEnd } from './text';
import { findTerm, lowerBound, prefixEnd, stemFrom, stemRange, suffixFrom, suffixRange } from './terms';
import { MATCH_CAP, matchCount, matchDist, matchFrom, matchTo, typoWalk } from './typo';
import { beginTop, finishTop, offerTop, setSortMode } from './rank';
import { sortValues } from './sort';

export const MAX_WORDS: i32 = 16;

// How much a match kind is worth relative to an exact match.
const EXACT: f32 = 1.0;
const STEM: f32 = 0.85;
const COMPOUND: f32 = 0.7;
const PREFIX: f32 = 0.6;
const TYPO1: f32 = 0.45;
const TYPO2: f32 = 0.3;
const PREFIX_TYPO: f32 = 0.3;
const COMPOUND_TYPO: f32 = 0.25;

// Field weights (title, brand, category, tags, attributes, description), BM25's k1 and b.
const WEIGHTS: StaticArray<f32> = [5.0, 3.0, 2.0, 2.0, 1.5, 1.0];
const K1: f32 = 1.2;
const B: f32 = 0.6;
// Completions of a word being typed: the most frequent ones, as a suggestion list would show.
const PREFIX_CAP: i32 = 16;
const COMPOUND_CAP: i32 = 48;

// Per-document and per-term scratch, allocated once per loaded index.
// Per-document state, one 64-byte cache line per document: a posting touches one line, not eight
// arrays. Fields are addresses of the first document's slot.
const DOC_SHIFT: usize = 6;
let docState: usize = 0;
let docTokStamp: usize = 0; // u32: word stamp of docTok
let docTok: usize = 0; // f32 best score of the current word
let docTokSound: usize = 0; // u32 1 when the current word matched without a typo
let docStamp: usize = 0; // u32: query stamp of the rest
let docScore: usize = 0; // f32 sum over words
let docMask: usize = 0; // u32 words matched
let docTypos: usize = 0; // u32 words matched only through a typo
let docFacets: usize = 0; // u16 category, u16 brand (copied from the document record)
let docNorms: usize = 0; // f32 per field: k1 * (1 - b + b * length / average length)
let docPrice: usize = 0; // u32 gross price in cents (copied from the document record)
let docRatingStock: usize = 0; // u8 rating in tenths, u8 in stock (copied from the document record)

function docU32(field: usize, doc: u32): u32 {
  return load<u32>(field + ((<usize>doc) << DOC_SHIFT));
}

function setDocU32(field: usize, doc: u32, v: u32): void {
  store<u32>(field + ((<usize>doc) << DOC_SHIFT), v);
}

function docF32(field: usize, doc: u32): f32 {
  return load<f32>(field + ((<usize>doc) << DOC_SHIFT));
}

function setDocF32(field: usize, doc: u32, v: f32): void {
  store<f32>(field + ((<usize>doc) << DOC_SHIFT), v);
}
// One bit per document: the candidates left after the earlier words. A later word scanned in full
// tests this small bitmap (it stays in cache) before touching a document's line, so its postings
// are read in order and only the candidates' lines are loaded.
let candBits: usize = 0;
let tokTouched: usize = 0;
let qTouched: usize = 0;
let termStamp: usize = 0; // word stamp: expanded for this word already
let termHit: usize = 0; // query stamp: matched by this query (for highlights)
let scratchTop: usize = 0;
let stamp: u32 = 0;
let queryStamp: u32 = 0;
let hitStamp: u32 = 0; // the query whose terms termHit marks
let qTouchedCount: u32 = 0;
let tokTouchedCount: u32 = 0;

function u32At(base: usize, i: u32): u32 {
  return load<u32>(base + ((<usize>i) << 2));
}

function setU32(base: usize, i: u32, v: u32): void {
  store<u32>(base + ((<usize>i) << 2), v);
}

function f32At(base: usize, i: u32): f32 {
  return load<f32>(base + ((<usize>i) << 2));
}

function setF32(base: usize, i: u32, v: f32): void {
  store<f32>(base + ((<usize>i) << 2), v);
}

/** Allocates the scratch that belongs to the loaded index (call after build or load). */
export function setupScratch(): void {
  const n = (<usize>img.docCount) << 2;
  const t = (<usize>img.termCount) << 2;
  docState = alloc(((<usize>img.docCount) << DOC_SHIFT) + 64);
  docState = (docState + 63) & ~(<usize>63);
  docTokStamp = docState;
  docTok = docState + 4;
  docTokSound = docState + 8;
  docStamp = docState + 12;
  docScore = docState + 16;
  docMask = docState + 20;
  docTypos = docState + 24;
  docFacets = docState + 28;
  docNorms = docState + 32;
  docPrice = docState + 56;
  docRatingStock = docState + 60;
  candBits = alloc(((<usize>img.docCount + 31) >> 5) << 2);
  tokTouched = alloc(n);
  qTouched = alloc(n);
  termStamp = alloc(t);
  termHit = alloc(t);
  // BM25's length normalisation depends only on the document: worked out once per loaded index
  // and what filters, facets and sorts read of a document is copied into its line too: a candidate
  // then costs one cache miss instead of two (its line and its record in the image)
  for (let doc: u32 = 0; doc < img.docCount; doc++) {
    const rec = img.docRecord(doc);
    setDocU32(docFacets, doc, load<u32>(rec));
    setDocU32(docPrice, doc, load<u32>(rec + 4));
    store<u16>(docRatingStock + ((<usize>doc) << DOC_SHIFT), load<u16>(rec + 8));
    for (let f = 0; f < img.FIELDS; f++) {
      const len = <f32>load<u8>(rec + 10 + <usize>f);
      const norm: f32 = 1.0 - B + (B * len) / load<f32>(img.avgLen + ((<usize>f) << 2));
      store<f32>(docNorms + ((<usize>doc) << DOC_SHIFT) + ((<usize>f) << 2), K1 * norm);
    }
  }
  scratchTop = mark();
  stamp = 0;
  queryStamp = 0;
  hitStamp = 0;
}

let wordExact: bool = false;
const IDF: usize = memory.data(4 * 8, 8);

/**
 * Scores one term's postings into the current word's per-document best. Each field is scored by
 * BM25 with its own idf and weight and the fields are summed (as Lucene's multi-field queries
 * and MiniSearch do) rather than BM25F's one idf for the pooled fields: in a catalog, little words
 * like "mit" are in every description but distinguish titles ("Tischleuchte Pilz mit
 * Stoffschirm"), which a pooled idf of ~0 would throw away.
 */
function termWeights(t: u32, quality: f32): void {
  const n = <f32>img.docCount;
  for (let f = 0; f < img.FIELDS; f++) {
    const df = <f32>img.fieldDocs(t, f);
    const idf = Mathf.log(1.0 + (n - df + 0.5) / (df + 0.5));
    store<f32>(IDF + ((<usize>f) << 2), idf * unchecked(WEIGHTS[f]) * (K1 + 1.0) * quality);
  }
}

// The bit of the word being scored when it is the first (0 for later words).
let firstWordBit: u32 = 0;

function scorePosting(doc: u32, packed: u32, typo: bool): void {
  const norms = docNorms + ((<usize>doc) << DOC_SHIFT);
  let score: f32 = 0;
  let tfs = packed;
  while (tfs != 0) {
    const f = <usize>(ctz(tfs) >> 2); // only the fields the term occurs in
    const tf = <f32>((tfs >> ((<u32>f) << 2)) & 15);
    tfs &= ~((<u32>15) << ((<u32>f) << 2));
    score += (load<f32>(IDF + (f << 2)) * tf) / (tf + load<f32>(norms + (f << 2)));
  }
  if (firstWordBit != 0) {
    // the first word scored starts every document's sums: its best goes straight into them, so
    // its (often many) documents' lines are not walked a second time to add it in
    if (docU32(docStamp, doc) != queryStamp) {
      setDocU32(docStamp, doc, queryStamp);
      setDocF32(docScore, doc, score);
      setDocU32(docMask, doc, firstWordBit);
      setDocU32(docTypos, doc, typo ? 1 : 0);
      setU32(qTouched, qTouchedCount++, doc);
    } else {
      if (score > docF32(docScore, doc)) setDocF32(docScore, doc, score);
      if (!typo) setDocU32(docTypos, doc, 0);
    }
    return;
  }
  if (docU32(docTokStamp, doc) != stamp) {
    setDocU32(docTokStamp, doc, stamp);
    setDocF32(docTok, doc, score);
    setDocU32(docTokSound, doc, typo ? 0 : 1);
    setU32(tokTouched, tokTouchedCount++, doc);
  } else {
    if (score > docF32(docTok, doc)) setDocF32(docTok, doc, score);
    if (!typo) setDocU32(docTokSound, doc, 1);
  }
}

/** Scores all postings of term `t` into the current word's per-document best. */
function scanTerm(t: u32, quality: f32, typo: bool): void {
  termWeights(t, quality);
  const to = img.postEnd(t);
  for (let p = img.postStart(t); p < to; p++) {
    const at = img.postings + ((<usize>p) << 3);
    scorePosting(load<u32>(at), load<u32>(at + 4), typo);
  }
}

function isCandidate(doc: u32): bool {
  return ((load<u32>(candBits + ((<usize>(doc >> 5)) << 2)) >> (doc & 31)) & 1) != 0;
}

function markCandidates(on: bool): void {
  for (let i: u32 = 0; i < qTouchedCount; i++) {
    const doc = u32At(qTouched, i);
    const at = candBits + ((<usize>(doc >> 5)) << 2);
    const bit: u32 = (<u32>1) << (doc & 31);
    store<u32>(at, on ? load<u32>(at) | bit : load<u32>(at) & ~bit);
  }
}

/** Scores the postings of term `t` that belong to candidates (marked in candBits). */
function scanTermAmong(t: u32, quality: f32, typo: bool): void {
  termWeights(t, quality);
  const to = img.postEnd(t);
  for (let p = img.postStart(t); p < to; p++) {
    const at = img.postings + ((<usize>p) << 3);
    const doc = load<u32>(at);
    if (isCandidate(doc)) scorePosting(doc, load<u32>(at + 4), typo);
  }
}

/**
 * Scores term `t` only for the candidate documents (ascending), finding each in the term's
 * doc-sorted postings by galloping search: a rare first word makes a common second word cheap.
 */
function lookupTerm(t: u32, quality: f32, typo: bool, candidates: usize, count: u32): void {
  termWeights(t, quality);
  let lo = img.postStart(t);
  const to = img.postEnd(t);
  for (let i: u32 = 0; i < count && lo < to; i++) {
    const doc = u32At(candidates, i);
    let step: u32 = 1;
    let hi = lo;
    while (hi < to && load<u32>(img.postings + ((<usize>hi) << 3)) < doc) {
      lo = hi + 1;
      hi += step;
      step <<= 1;
    }
    if (hi > to) hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (load<u32>(img.postings + ((<usize>mid) << 3)) < doc) lo = mid + 1;
      else hi = mid;
    }
    if (lo < to) {
      const at = img.postings + ((<usize>lo) << 3);
      if (load<u32>(at) == doc) scorePosting(doc, load<u32>(at + 4), typo);
    }
  }
}

// Expansions of every word: term, quality and typo flag, EXPANSIONS per word at most.
const EXPANSIONS: i32 = 256;
const exTerm: usize = memory.data(MAX_WORDS * EXPANSIONS * 4, 8);
const exQuality: usize = memory.data(MAX_WORDS * EXPANSIONS * 4, 8);
const exTypo: usize = memory.data(MAX_WORDS * EXPANSIONS * 4, 8);
const exCount: usize = memory.data(MAX_WORDS * 4, 8);
const exCost: usize = memory.data(MAX_WORDS * 8, 8);
let exWord: i32 = 0;

function expand(t: u32, quality: f32, typo: bool = false): void {
  if (u32At(termStamp, t) == stamp) return;
  const n = u32At(exCount, exWord);
  if (n >= <u32>EXPANSIONS) return;
  setU32(termStamp, t, stamp);
  setU32(termHit, t, hitStamp);
  const slot = <u32>exWord * <u32>EXPANSIONS + n;
  setU32(exTerm, slot, t);
  setF32(exQuality, slot, quality);
  setU32(exTypo, slot, typo ? 1 : 0);
  setU32(exCount, exWord, n + 1);
  const at = exCost + ((<usize>exWord) << 3);
  store<u64>(at, load<u64>(at) + <u64>(img.postEnd(t) - img.postStart(t)));
}

// The best-known correction of the current word, for "did you mean".
let bestTerm: i32 = -1;
let bestValue: f32 = 0;

function consider(t: u32, quality: f32): void {
  const value = quality * <f32>(img.postEnd(t) - img.postStart(t));
  if (value > bestValue) {
    bestValue = value;
    bestTerm = <i32>t;
  }
}

let typosSkipped: bool = false;

/**
 * Expands one folded word (key, m units) into terms, collected for word `word`. Typos are looked
 * for only `withTypos` or when the word found nothing as typed: they rank below every match as
 * typed anyway, and the walk is most of a query's time (the caller retries with typos when the
 * words as typed find nothing together, as Algolia's typoTolerance "min").
 */
function expandWord(word: i32, key: usize, m: i32, asPrefix: bool, withTypos: bool): void {
  exWord = word;
  setU32(exCount, word, 0);
  store<u64>(exCost + ((<usize>word) << 3), 0);
  wordExact = false;
  bestTerm = -1;
  bestValue = 0;
  const exact = findTerm(key, m);
  if (exact >= 0) {
    expand(<u32>exact, EXACT);
    wordExact = true;
  }
  const stemLen = stemLength(key, m);
  const stemEnd = stemRange(key, stemLen);
  for (let i = stemFrom; i < stemEnd; i++) {
    const t = u32At(img.stemOrder, i);
    if (u32At(termStamp, t) != stamp) wordExact = true;
    expand(t, STEM);
  }
  if (m >= 4) {
    // compound heads: "rucksack" in "wanderrucksack" (at least 3 units in front of it)
    const end = suffixRange(key, stemLen);
    let taken = 0;
    for (let i = suffixFrom; i < end && taken < COMPOUND_CAP; i++) {
      const t = u32At(img.revOrder, i);
      if (img.stemLenOf(t) < stemLen + 3) continue;
      if (u32At(termStamp, t) != stamp) wordExact = true;
      expand(t, COMPOUND);
      taken++;
    }
  }
  if (asPrefix) expandPrefix(key, m);
  if (m >= 4 && !withTypos && u32At(exCount, word) > 0) typosSkipped = true;
  else if (m >= 4) {
    const maxDist = m >= 8 ? 2 : 1;
    typoWalk(key, m, maxDist, asPrefix);
    for (let k = 0; k < matchCount; k++) {
      const from = u32At(matchFrom, <u32>k);
      const to = min(u32At(matchTo, <u32>k), from + <u32>MATCH_CAP);
      const dist = load<i32>(matchDist + ((<usize>k) << 2));
      const full = to == from + 1 && img.termLen(from) <= m + maxDist;
      const quality = full ? (dist <= 1 ? TYPO1 : TYPO2) : PREFIX_TYPO;
      for (let t = from; t < to; t++) {
        if (dist > 0) consider(t, quality);
        expand(t, quality, dist > 0);
      }
    }
    expandCompoundTypos(key, stemLen);
  }
}

const REVERSED_KEY: usize = memory.data(MAX_WORD * 2, 8);

/** Compound heads within a typo: the walk over reversed stems ("rucksak" in "wanderrucksack"). */
function expandCompoundTypos(key: usize, stemLen: i32): void {
  if (stemLen < 4) return;
  for (let j = 0; j < stemLen; j++) {
    store<u16>(REVERSED_KEY + ((<usize>j) << 1), load<u16>(key + ((<usize>(stemLen - 1 - j)) << 1)));
  }
  typoWalk(REVERSED_KEY, stemLen, stemLen >= 8 ? 2 : 1, true, true);
  for (let k = 0; k < matchCount; k++) {
    const from = u32At(matchFrom, <u32>k);
    const to = min(u32At(matchTo, <u32>k), from + <u32>MATCH_CAP);
    const dist = load<i32>(matchDist + ((<usize>k) << 2));
    if (dist == 0) continue; // exact heads were taken as compounds already
    for (let p = from; p < to; p++) {
      const t = u32At(img.revOrder, p);
      if (img.stemLenOf(t) >= stemLen + 2) expand(t, COMPOUND_TYPO, true);
    }
  }
}

// Prefix candidates above the cap are chosen by document frequency (the likeliest completions).
const PICK: usize = memory.data(PREFIX_CAP * 4, 8);

function expandPrefix(key: usize, m: i32): void {
  const from = lowerBound(key, m);
  const to = prefixEnd(from, key, m);
  let picked = 0;
  for (let t = from; t < to; t++) {
    const df = img.postEnd(t) - img.postStart(t);
    if (picked == PREFIX_CAP && df <= img.postEnd(u32At(PICK, picked - 1)) - img.postStart(u32At(PICK, picked - 1)))
      continue;
    let at = picked < PREFIX_CAP ? picked++ : picked - 1;
    while (at > 0) {
      const above = u32At(PICK, at - 1);
      if (img.postEnd(above) - img.postStart(above) >= df) break;
      setU32(PICK, at, above);
      at--;
    }
    setU32(PICK, at, t);
  }
  if (picked > 0) wordExact = true; // a word still being typed is not a misspelling
  for (let k = 0; k < picked; k++) {
    const t = u32At(PICK, k);
    const extra = <f32>(img.termLen(t) - m);
    const quality = PREFIX * (1.0 - (0.5 * extra) / <f32>(extra + <f32>m));
    consider(t, quality);
    expand(t, quality);
  }
}

/** Expands every word; returns whether all were found as typed. Fills `order`, cheapest first. */
function expandAll(
  words: i32,
  keys: usize,
  lens: usize,
  typing: bool,
  withTypos: bool,
  suggestions: usize,
  order: usize,
): bool {
  let allExact = true;
  typosSkipped = false;
  for (let w = 0; w < words; w++) {
    stamp++;
    expandWord(w, keys + <usize>w * MAX_WORD * 2, <i32>u32At(lens, w), typing && w == words - 1, withTypos);
    allExact = allExact && wordExact;
    setU32(suggestions, w, wordExact || bestTerm < 0 ? 0xffffffff : <u32>bestTerm);
  }
  // cheapest word first: its documents are the candidates the others are looked up for
  for (let w = 0; w < words; w++) {
    let i = w;
    const cost = load<u64>(exCost + ((<usize>w) << 3));
    while (i > 0 && load<u64>(exCost + ((<usize>u32At(order, i - 1)) << 3)) > cost) {
      setU32(order, i, u32At(order, i - 1));
      i--;
    }
    setU32(order, i, w);
  }
  return allExact;
}

/**
 * Scores the words in `order` into docScore/docMask/docTypos over qTouched. With `everyWord`, a
 * document must match each word so far: later words are looked up for the remaining candidates
 * when that is cheaper than reading their postings. Returns false when no document matched all.
 */
function scoreWords(words: i32, order: usize, everyWord: bool): bool {
  queryStamp = ++stamp;
  qTouchedCount = 0;
  let need: u32 = 0;
  for (let k = 0; k < words; k++) {
    const w = <i32>u32At(order, k);
    const n = u32At(exCount, w);
    const cost = load<u64>(exCost + ((<usize>w) << 3));
    stamp++;
    tokTouchedCount = 0;
    const bit: u32 = (<u32>1) << (<u32>w);
    firstWordBit = k == 0 ? bit : 0;
    const narrowed = everyWord && k > 0;
    const lookup = narrowed && <u64>qTouchedCount * <u64>n * 24 < cost;
    if (lookup) sortValues(qTouched, <i32>qTouchedCount);
    else if (narrowed) markCandidates(true);
    for (let e: u32 = 0; e < n; e++) {
      const slot = <u32>w * <u32>EXPANSIONS + e;
      const t = u32At(exTerm, slot);
      const typo = u32At(exTypo, slot) != 0;
      if (lookup) lookupTerm(t, f32At(exQuality, slot), typo, qTouched, qTouchedCount);
      else if (narrowed) scanTermAmong(t, f32At(exQuality, slot), typo);
      else scanTerm(t, f32At(exQuality, slot), typo);
    }
    if (narrowed && !lookup) markCandidates(false);
    firstWordBit = 0;
    for (let i: u32 = 0; i < tokTouchedCount; i++) {
      const doc = u32At(tokTouched, i);
      if (docU32(docStamp, doc) != queryStamp) {
        if (everyWord && k > 0) continue; // missed an earlier word
        setDocU32(docStamp, doc, queryStamp);
        setDocF32(docScore, doc, 0);
        setDocU32(docMask, doc, 0);
        setDocU32(docTypos, doc, 0);
        setU32(qTouched, qTouchedCount++, doc);
      }
      if (docU32(docTokSound, doc) == 0) setDocU32(docTypos, doc, docU32(docTypos, doc) + 1);
      setDocF32(docScore, doc, docF32(docScore, doc) + docF32(docTok, doc));
      setDocU32(docMask, doc, docU32(docMask, doc) | bit);
    }
    need |= bit;
    if (everyWord) {
      // keep only the documents that matched every word so far (after the first word: all)
      if (k > 0) {
        let kept: u32 = 0;
        for (let i: u32 = 0; i < qTouchedCount; i++) {
          const doc = u32At(qTouched, i);
          if (docU32(docMask, doc) == need) setU32(qTouched, kept++, doc);
        }
        qTouchedCount = kept;
      }
      if (qTouchedCount == 0) return false;
    }
  }
  return true;
}

/** "Any" for the category and brand filters. */
export const ANY: u32 = 0xffff;

// OUTPUT layout (u32 slots), read by the facade.
export const O_TOTAL = 0;
export const O_COUNT = 1;
export const O_FLAGS = 2;
export const O_WORDS = 3;
export const O_IN_STOCK = 4;
export const O_PRICE_MIN = 5;
export const O_PRICE_MAX = 6;
export const O_MATCHED = 7;
export const O_HEAD = 8;
export const FLAG_PARTIAL: u32 = 1;
export const FLAG_ALL_EXACT: u32 = 2;

function out(slot: u32, v: u32): void {
  store<u32>(OUTPUT + ((<usize>slot) << 2), v);
}

/**
 * Runs the query in INPUT (`length` UTF-16 units). Writes to OUTPUT: the head slots, `count`
 * hits (doc u32, score f32), category counts, brand counts, then per word: its start and end in
 * the query and the suggested term (or 0xffffffff when the word stands as typed).
 * Returns the hit count, or -1 when no index is loaded.
 */
export function search(
  length: i32,
  prefixLast: bool,
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
  const typing = prefixLast && words > 0 && u32At(wordSpans, (words - 1) * 2 + 1) == <u32>length;
  const suggestions = alloc(MAX_WORDS * 4);
  const order = alloc(MAX_WORDS * 4);
  let allExact = expandAll(words, wordKeys, wordLens, typing, false, suggestions, order);
  if (!scoreWords(words, order, true)) {
    if (typosSkipped) {
      allExact = expandAll(words, wordKeys, wordLens, typing, true, suggestions, order);
      if (!scoreWords(words, order, true) && words > 1) scoreWords(words, order, false);
    } else if (words > 1) scoreWords(words, order, false);
  }
  // documents must match every word; when none does, those matching the most words stand in
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
  const cats = <u32>img.categoryCount;
  const brands = <u32>img.brandCount;
  const catCounts = alloc((<usize>cats) << 2);
  const brandCounts = alloc((<usize>brands) << 2);
  const k = <u32>min(<u64>offset + <u64>limit, 10000);
  const top = alloc((<usize>k) << 2);
  beginTop(top, k);
  setSortMode(sort, docScore, docTypos, docPrice, docRatingStock);
  let total: u32 = 0;
  let inStockCount: u32 = 0;
  let lowest: u32 = 0xffffffff;
  let highest: u32 = 0;
  for (let i: u32 = 0; i < qTouchedCount; i++) {
    const doc = u32At(qTouched, i);
    const mask = docU32(docMask, doc);
    if (partial ? <i32>popcnt(mask) < bestWords : mask != all) continue;
    const line = docState + ((<usize>doc) << DOC_SHIFT);
    const c = <u32>load<u16>(line, 28);
    const b = <u32>load<u16>(line, 30);
    const price = load<u32>(line, 56);
    const rating = <u32>load<u8>(line, 60);
    const stocked = load<u8>(line, 61) != 0;
    const okCat = category == ANY || c == category;
    const okBrand = brand == ANY || b == brand;
    const okPrice = price >= priceMin && price <= priceMax;
    const okStock = !inStockOnly || stocked;
    // each facet counts what choosing one of its values would give, with the other filters on
    if (okBrand && okPrice && okStock && c < cats) setU32(catCounts, c, u32At(catCounts, c) + 1);
    if (okCat && okPrice && okStock && b < brands) setU32(brandCounts, b, u32At(brandCounts, b) + 1);
    if (okCat && okBrand && okPrice && stocked) inStockCount++;
    if (okCat && okBrand && okStock) {
      lowest = min(lowest, price);
      highest = max(highest, price);
    }
    if (!(okCat && okBrand && okPrice && okStock)) continue;
    // tie-breaker: in stock and well rated, worth a few percent at most
    const boost: f32 = 1.0 + (stocked ? 0.03 : 0.0) + (0.02 * <f32>rating) / 50.0;
    setDocF32(docScore, doc, docF32(docScore, doc) * boost);
    total++;
    offerTop(doc);
  }
  const kept = finishTop();
  const count = kept > offset ? min(kept - offset, limit) : 0;
  const space = (OUTPUT_BYTES >> 2) - O_HEAD - cats - brands - 3 * MAX_WORDS;
  const shown = min(count, <u32>(space >> 1));
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
    slot += 2;
  }
  for (let i: u32 = 0; i < cats; i++) out(slot++, u32At(catCounts, i));
  for (let i: u32 = 0; i < brands; i++) out(slot++, u32At(brandCounts, i));
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
