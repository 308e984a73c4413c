// Damerau-Levenshtein (optimal string alignment) search through the sorted dictionary used as an
// implicit trie: consecutive terms share their DP rows up to their common prefix, and a prefix
// whose row minimum exceeds the allowed distance skips its whole block of terms by binary search.
// So only terms near the query are visited, never every term. The same walk over the dictionary
// ordered by reversed stems finds compound heads with a typo ("rucksak" in "wanderrucksack").

import * as img from './image';
import { MAX_WORD } from './text';
import { WORK_WALK_ROWS, addWork } from './stats';

const W: i32 = MAX_WORD + 1;
const ROWS: usize = memory.data((MAX_WORD + 1) * (MAX_WORD + 1) * 4, 8);

function cell(d: i32, j: i32): i32 {
  return load<i32>(ROWS + ((<usize>(d * W + j)) << 2));
}

function setCell(d: i32, j: i32, v: i32): void {
  store<i32>(ROWS + ((<usize>(d * W + j)) << 2), v);
}

// Matches found by the last walk: term ids (a range when a whole prefix block matched) and distance.
export const MATCH_CAP: i32 = 64;
export const matchFrom: usize = memory.data(MATCH_CAP * 4, 8);
export const matchTo: usize = memory.data(MATCH_CAP * 4, 8);
export const matchDist: usize = memory.data(MATCH_CAP * 4, 8);
export let matchCount: i32 = 0;

function addMatch(from: u32, to: u32, dist: i32): void {
  if (matchCount >= MATCH_CAP) return;
  store<u32>(matchFrom + ((<usize>matchCount) << 2), from);
  store<u32>(matchTo + ((<usize>matchCount) << 2), to);
  store<i32>(matchDist + ((<usize>matchCount) << 2), dist);
  matchCount++;
}

function q(key: usize, j: i32): u32 {
  return <u32>load<u16>(key + ((<usize>j) << 1));
}

// The dictionary the walk runs over: terms in order, or stems reversed (revOrder).
let reversed = false;

function entry(i: u32): u32 {
  return reversed ? load<u32>(img.revOrder + ((<usize>i) << 2)) : i;
}

function entryLen(t: u32): i32 {
  return reversed ? img.stemLenOf(t) : img.termLen(t);
}

function unit(t: u32, d: i32): u32 {
  return reversed ? img.termUnit(t, img.stemLenOf(t) - 1 - d) : img.termUnit(t, d);
}

function sharesPrefix(o: u32, t: u32, d: i32): bool {
  let same = entryLen(o) >= d;
  for (let k = 0; same && k < d; k++) same = unit(o, k) == unit(t, k);
  return same;
}

/**
 * First position after `at` whose entry does not share the first `d` units of entry `at`. Found by
 * galloping from `at`: most blocks the walk skips are small, and entries next to `at` are the
 * ones in cache, where a binary search over the whole dictionary would load a line per probe.
 */
function blockEnd(at: u32, d: i32): u32 {
  const t = entry(at);
  const n = img.termCount;
  let lo = at + 1; // entries before lo share the prefix
  let step: u32 = 1;
  let hi = lo;
  while (hi < n && sharesPrefix(entry(hi), t, d)) {
    lo = hi + 1;
    hi = lo + step;
    step <<= 1;
  }
  if (hi > n) hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sharesPrefix(entry(mid), t, d)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Rows of the DP one walk may compute: a long word in a large dictionary (package names sharing
// "lib...") otherwise visits tens of thousands of prefixes. Reached, the walk stops early with the
// matches found so far, so a query's typo expansion costs at most this much.
const WALK_BUDGET: i32 = 8000;
// ... and all walks of one query together (up to two per word, again when a query is retried).
const QUERY_WALK_BUDGET: i32 = 20000;
let queryRowsLeft: i32 = QUERY_WALK_BUDGET;

export function resetWalkBudget(): void {
  queryRowsLeft = QUERY_WALK_BUDGET;
}

/**
 * Finds terms within `maxDist` of the key (length m). Within two edits only terms whose first unit
 * is the key's are walked: people rarely mistype the first letter of a long word, and two edits
 * anywhere let nearly every short prefix through; fixing it cuts the walk to one letter's block
 * (as Lucene's fuzzy prefixLength 1). Within one edit ("lampe" for "rampe") every term is. With `asPrefix`, a term also matches when
 * one of its prefixes is within `maxDist` (the word being typed), and then its whole block does.
 */
export function typoWalk(key: usize, m: i32, maxDist: i32, asPrefix: bool, overReversedStems: bool = false): void {
  matchCount = 0;
  let rows: i32 = 0;
  const budget = min(WALK_BUDGET, queryRowsLeft);
  reversed = overReversedStems;
  if (m > MAX_WORD) return;
  // Banded (Ukkonen): at depth d only cells with |d - j| <= maxDist can be within reach; the others
  // stay at maxDist + 1 for the whole walk, so the band is all that is ever computed.
  const far = maxDist + 1;
  for (let d = 0; d <= MAX_WORD; d++) for (let j = 0; j <= m; j++) setCell(d, j, far);
  for (let j = 0; j <= m && j <= maxDist; j++) setCell(0, j, j);
  const terms = img.termCount;
  let i: u32 = 0;
  let prev: u32 = 0;
  let valid = 0; // rows 1..valid hold the DP of prev's first `valid` units
  while (i < terms && matchCount < MATCH_CAP && rows < budget) {
    const t = entry(i);
    const len = min(entryLen(t), MAX_WORD);
    let lcp = 0;
    const limit = min(valid, len);
    while (lcp < limit && unit(t, lcp) == unit(prev, lcp)) lcp++;
    let jumped = false;
    for (let d = lcp + 1; d <= len; d++) {
      const c = unit(t, d - 1);
      const cPrev = d > 1 ? unit(t, d - 2) : 0xffffffff;
      if (d == 1 && maxDist >= 2 && c != q(key, 0)) {
        // the first letter stands as typed: its block of the dictionary is all that is walked
        prev = t;
        valid = 0;
        i = blockEnd(i, 1);
        jumped = true;
        break;
      }
      if (d <= maxDist) setCell(d, 0, d);
      addWork(WORK_WALK_ROWS, 1);
      rows++;
      let rowMin = far;
      const hi = min(m, d + maxDist);
      for (let j = max(1, d - maxDist); j <= hi; j++) {
        const qc = q(key, j - 1);
        let v = cell(d - 1, j - 1) + (qc == c ? 0 : 1);
        const del = cell(d - 1, j) + 1;
        const ins = cell(d, j - 1) + 1;
        if (del < v) v = del;
        if (ins < v) v = ins;
        if (d > 1 && j > 1 && qc == cPrev && q(key, j - 2) == c) {
          const tr = cell(d - 2, j - 2) + 1;
          if (tr < v) v = tr;
        }
        if (v > far) v = far;
        setCell(d, j, v);
        if (v < rowMin) rowMin = v;
      }
      prev = t;
      valid = d;
      if (rowMin > maxDist) {
        i = blockEnd(i, d);
        jumped = true;
        break;
      }
      if (asPrefix && cell(d, m) <= maxDist) {
        const end = blockEnd(i, d);
        addMatch(i, end, cell(d, m));
        i = end;
        jumped = true;
        break;
      }
    }
    if (jumped) continue;
    prev = t;
    valid = len;
    if (cell(len, m) <= maxDist) addMatch(i, i + 1, cell(len, m));
    i++;
  }
  queryRowsLeft -= rows;
}
