// Top-k by relevance without scoring every match. A word common to tens of thousands of documents
// used to have every posting scored (a document line each, cold in cache); here:
//
// 1. `conjoin` finds the documents matching every word in a bitmap: postings' document numbers
//    only, read in order, no scoring. Totals and facet counts come from it exactly (./facets.ts).
// 2. `topByImpact` reads the cheapest word's terms in impact order (./impacts.ts), merged across
//    its expansions, and fully scores a document the first time it comes up (its other words by
//    lookup). It stops once the next impact plus the other words' best possible scores, times the
//    largest tie-breaker, is below the k-th kept document: no unread document can rank above it.
//
// The first time a document comes up, it comes with its best expansion of that word (the lists
// are merged highest first), so its score is what scoring every posting gives, bit for bit: the
// same impact function, the same order of additions. Documents ranked by typos first (./rank.ts)
// are only cut off when the k-th kept has no more typos than any document could.

import * as img from './image';
import {
  DOC_SHIFT,
  bitmapBytes,
  docNorms,
  docScore,
  docTypos,
  f32At,
  matchBits,
  setDocF32,
  setDocU32,
  u32At,
  wordBits,
} from './scratch';
import { EXPANSIONS, exCount, exQuality, exTerm, exTypo } from './expand';
import { MAX_WORDS } from './layout';
import { boostOf, impact, termIdf } from './impact';
import { boostFor } from './facets';
import { keptWorst, offerTop } from './rank';
import { WORK_CANDIDATES, WORK_IMPACTS, WORK_LOOKUPS, WORK_POSTINGS, addWork } from './stats';

/** The bitmap of the documents matching every word (valid after `conjoin`). */
export let matches: usize = 0;

function hasBit(bits: usize, doc: u32): bool {
  return ((load<u32>(bits + ((<usize>(doc >> 5)) << 2)) >> (doc & 31)) & 1) != 0;
}

function setBit(bits: usize, doc: u32): void {
  const at = bits + ((<usize>(doc >> 5)) << 2);
  store<u32>(at, load<u32>(at) | ((<u32>1) << (doc & 31)));
}

export function clearMatch(doc: u32): void {
  const at = matches + ((<usize>(doc >> 5)) << 2);
  store<u32>(at, load<u32>(at) & ~((<u32>1) << (doc & 31)));
}

/** Sets in `bits` the documents of word `w`'s terms, only those already in `within` unless it is 0. */
function markWord(w: u32, bits: usize, within: usize): void {
  const n = u32At(exCount, w);
  for (let e: u32 = 0; e < n; e++) {
    const t = u32At(exTerm, w * <u32>EXPANSIONS + e);
    const to = img.postEnd(t);
    addWork(WORK_POSTINGS, to - img.postStart(t));
    for (let p = img.postStart(t); p < to; p++) {
      const doc = load<u32>(img.postings + ((<usize>p) << 3));
      if (within == 0 || hasBit(within, doc)) setBit(bits, doc);
    }
  }
}

function countBits(bits: usize): u32 {
  let n: u32 = 0;
  for (let at: usize = 0; at < bitmapBytes; at += 4) n += popcnt(load<u32>(bits + at));
  return n;
}

/** Marks the documents matching every word in `matches`; returns how many there are. */
export function conjoin(words: i32, order: usize): u32 {
  let have = matchBits;
  let next = wordBits;
  matches = have;
  if (words == 0) return 0;
  memory.fill(have, 0, bitmapBytes);
  markWord(u32At(order, 0), have, 0);
  for (let k = 1; k < words; k++) {
    memory.fill(next, 0, bitmapBytes);
    markWord(u32At(order, k), next, have);
    const swap = have;
    have = next;
    next = swap;
  }
  matches = have;
  return countBits(have);
}

/** The first document in `matches` at or after `from`, or -1. */
export function nextMatch(from: u32): i32 {
  let word = from >> 5;
  if ((<usize>word) << 2 >= bitmapBytes) return -1;
  let bits = load<u32>(matches + ((<usize>word) << 2)) & (0xffffffff << (from & 31));
  while (bits == 0) {
    word++;
    if ((<usize>word) << 2 >= bitmapBytes) return -1;
    bits = load<u32>(matches + ((<usize>word) << 2));
  }
  return <i32>((word << 5) + ctz(bits));
}

// Cursors over the leading word's expansions, a max-heap on their next impact times quality.
const curAt: usize = memory.data(EXPANSIONS * 4, 8);
const curEnd: usize = memory.data(EXPANSIONS * 4, 8);
const curKey: usize = memory.data(EXPANSIONS * 4, 8);
const heap: usize = memory.data(EXPANSIONS * 4, 8);
let heapSize: u32 = 0;

function keyOf(c: u32): f32 {
  return f32At(curKey, u32At(heap, c));
}

function siftDown(from: u32): void {
  let i = from;
  const v = u32At(heap, i);
  const key = f32At(curKey, v);
  while (true) {
    const l: u32 = 2 * i + 1;
    if (l >= heapSize) break;
    let c = l;
    if (l + 1 < heapSize && keyOf(l + 1) > keyOf(l)) c = l + 1;
    if (keyOf(c) <= key) break;
    store<u32>(heap + ((<usize>i) << 2), u32At(heap, c));
    i = c;
  }
  store<u32>(heap + ((<usize>i) << 2), v);
}

function impactAt(p: u32): f32 {
  return load<f32>(img.impacts + ((<usize>p) << 3) + 4);
}

// Per expansion of the other words: its idfs, worked out when first looked up in this query.
const IDFS: usize = memory.data(MAX_WORDS * EXPANSIONS * 32, 8);
const idfQuery: usize = memory.data(MAX_WORDS * EXPANSIONS * 4, 8);
let queryNumber: u32 = 0;
const bounds: usize = memory.data(MAX_WORDS * 4, 8);

/** The posting of term `t` for `doc` (binary search in the doc-sorted list), or -1. */
function findPosting(t: u32, doc: u32): i32 {
  let lo = img.postStart(t);
  let hi = img.postEnd(t);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load<u32>(img.postings + ((<usize>mid) << 3)) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < img.postEnd(t) && load<u32>(img.postings + ((<usize>lo) << 3)) == doc ? <i32>lo : -1;
}

let wordSound = false;

/** Word `w`'s score for `doc`: the best of its expansions, as ./score.ts gives it; sets wordSound. */
function wordScore(w: u32, doc: u32, soundOnly: bool): f32 {
  const n = u32At(exCount, w);
  let best: f32 = 0;
  wordSound = false;
  for (let e: u32 = 0; e < n; e++) {
    const slot = w * <u32>EXPANSIONS + e;
    const typo = u32At(exTypo, slot) != 0;
    if (soundOnly && typo) continue;
    addWork(WORK_LOOKUPS, 1);
    const p = findPosting(u32At(exTerm, slot), doc);
    if (p < 0) continue;
    if (!typo) wordSound = true;
    if (soundOnly) return 0;
    const idfs = IDFS + ((<usize>slot) << 5);
    if (u32At(idfQuery, slot) != queryNumber) {
      store<u32>(idfQuery + ((<usize>slot) << 2), queryNumber);
      termIdf(u32At(exTerm, slot), idfs);
    }
    const packed = load<u32>(img.postings + ((<usize>p) << 3) + 4);
    const score = f32At(exQuality, slot) * impact(packed, idfs, docNorms + ((<usize>doc) << DOC_SHIFT));
    if (score > best) best = score;
  }
  return best;
}

/** The fewest words a matching document can owe to a typo: those with no expansion as typed. */
function fewestTypos(words: i32, order: usize): u32 {
  let fewest: u32 = 0;
  for (let k = 0; k < words; k++) {
    const w = u32At(order, k);
    let sound = false;
    for (let e: u32 = 0; e < u32At(exCount, w) && !sound; e++) sound = u32At(exTypo, w * <u32>EXPANSIONS + e) == 0;
    if (!sound) fewest++;
  }
  return fewest;
}

/**
 * Offers the best documents in `matches` (filtered already) to the top-k (./rank.ts, begun by the
 * caller), reading the words in `order` as described above. Documents offered are cleared from
 * `matches`.
 */
export function topByImpact(words: i32, order: usize): void {
  queryNumber++;
  const lead = u32At(order, 0);
  // the best score each other word can add: its expansions' highest impacts times their quality
  for (let k = 1; k < words; k++) {
    const w = u32At(order, k);
    let best: f32 = 0;
    for (let e: u32 = 0; e < u32At(exCount, w); e++) {
      const slot = w * <u32>EXPANSIONS + e;
      const t = u32At(exTerm, slot);
      if (img.postEnd(t) > img.postStart(t)) best = max(best, f32At(exQuality, slot) * impactAt(img.postStart(t)));
    }
    store<f32>(bounds + ((<usize>k) << 2), best);
  }
  const fewest = fewestTypos(words, order);
  const boostMost = boostOf(true, 50);
  heapSize = 0;
  const n = u32At(exCount, lead);
  for (let e: u32 = 0; e < n; e++) {
    const slot = lead * <u32>EXPANSIONS + e;
    const t = u32At(exTerm, slot);
    if (img.postEnd(t) == img.postStart(t)) continue;
    store<u32>(curAt + ((<usize>e) << 2), img.postStart(t));
    store<u32>(curEnd + ((<usize>e) << 2), img.postEnd(t));
    store<f32>(curKey + ((<usize>e) << 2), f32At(exQuality, slot) * impactAt(img.postStart(t)));
    store<u32>(heap + ((<usize>heapSize) << 2), e);
    heapSize++;
  }
  for (let i = <i32>(heapSize >> 1) - 1; i >= 0; i--) siftDown(<u32>i);
  while (heapSize > 0) {
    const c = u32At(heap, 0);
    const key = f32At(curKey, c);
    const worst = keptWorst();
    if (worst >= 0 && load<u32>(docTypos + ((<usize>worst) << DOC_SHIFT)) <= fewest) {
      // float additions are monotone: bounds added in the documents' order bound their sums
      let bound = key;
      for (let k = 1; k < words; k++) bound += f32At(bounds, <u32>k);
      if (bound * boostMost < load<f32>(docScore + ((<usize>worst) << DOC_SHIFT))) break;
    }
    const p = u32At(curAt, c);
    const doc = load<u32>(img.impacts + ((<usize>p) << 3));
    addWork(WORK_IMPACTS, 1);
    if (p + 1 < u32At(curEnd, c)) {
      store<u32>(curAt + ((<usize>c) << 2), p + 1);
      store<f32>(curKey + ((<usize>c) << 2), f32At(exQuality, lead * <u32>EXPANSIONS + c) * impactAt(p + 1));
    } else {
      heapSize--;
      store<u32>(heap, u32At(heap, heapSize));
    }
    if (heapSize > 0) siftDown(0);
    if (!hasBit(matches, doc)) continue;
    clearMatch(doc);
    addWork(WORK_CANDIDATES, 1);
    let score = key;
    let typos: u32 = 0;
    if (u32At(exTypo, lead * <u32>EXPANSIONS + c) != 0) {
      wordScore(lead, doc, true);
      if (!wordSound) typos++;
    }
    for (let k = 1; k < words; k++) {
      score += wordScore(u32At(order, k), doc, false);
      if (!wordSound) typos++;
    }
    setDocF32(docScore, doc, score * boostFor(doc));
    setDocU32(docTypos, doc, typos);
    offerTop(doc);
  }
}
