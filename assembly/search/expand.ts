// Term expansion: each word of a query becomes dictionary terms with a quality (exact > stem >
// compound > prefix > typo), collected per word with the cost of reading their postings, plus the
// likeliest correction for "did you mean".

import * as img from './image';
import { MAX_WORDS, NO_TERM } from './layout';
import { MAX_WORD, stemLength } from './text';
import { findTerm, lowerBound, prefixEnd, stemFrom, stemRange, suffixFrom, suffixRange } from './terms';
import { MATCH_CAP, matchCount, matchDist, matchFrom, matchTo, typoWalk } from './typo';
import { WORK_TERMS, addWork } from './stats';
import { hitStamp, setF32, setU32, stamp, termHit, termStamp, u32At } from './scratch';

// How much a match kind is worth relative to an exact match.
const EXACT: f32 = 1.0;
const STEM: f32 = 0.85;
const COMPOUND: f32 = 0.7;
const PREFIX: f32 = 0.6;
const TYPO1: f32 = 0.45;
const TYPO2: f32 = 0.3;
const PREFIX_TYPO: f32 = 0.3;
const COMPOUND_TYPO: f32 = 0.25;

// Completions of a word being typed: the most frequent ones, as a suggestion list would show.
const PREFIX_CAP: i32 = 16;
const COMPOUND_CAP: i32 = 48;

// Expansions of every word: term, quality and typo flag, EXPANSIONS per word at most.
export const EXPANSIONS: i32 = 256;
export const exTerm: usize = memory.data(MAX_WORDS * EXPANSIONS * 4, 8);
export const exQuality: usize = memory.data(MAX_WORDS * EXPANSIONS * 4, 8);
export const exTypo: usize = memory.data(MAX_WORDS * EXPANSIONS * 4, 8);
export const exCount: usize = memory.data(MAX_WORDS * 4, 8);
export const exCost: usize = memory.data(MAX_WORDS * 8, 8);
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
  addWork(WORK_TERMS, 1);
  const at = exCost + ((<usize>exWord) << 3);
  store<u64>(at, load<u64>(at) + <u64>(img.postEnd(t) - img.postStart(t)));
}

let wordExact: bool = false;

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

export let typosSkipped: bool = false;

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
export function expandAll(
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
    setU32(suggestions, w, wordExact || bestTerm < 0 ? NO_TERM : <u32>bestTerm);
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
