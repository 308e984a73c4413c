// BM25 scoring of a query's expanded words: each term's postings are scored into the current
// word's per-document best, then summed into the query's per-document scores. Documents must match
// every word so far; later words are scanned among the candidates or looked up for them.

import * as img from './image';
import {
  DOC_SHIFT,
  candBits,
  docF32,
  docMask,
  docNorms,
  docScore,
  docStamp,
  docTok,
  docTokSound,
  docTokStamp,
  docTypos,
  docU32,
  f32At,
  qTouched,
  qTouchedCount,
  queryStamp,
  setDocF32,
  setDocU32,
  setU32,
  stamp,
  tokTouched,
  tokTouchedCount,
  u32At,
} from './scratch';
import { EXPANSIONS, exCost, exCount, exQuality, exTerm, exTypo } from './expand';
import { sortValues } from './sort';
import { fillNorms, impact, termIdf } from './impact';
import { WORK_PASSES, WORK_POSTINGS, addWork } from './stats';

/** BM25's length normalisation depends only on the document: worked out once per loaded index. */
export function setupNorms(): void {
  fillNorms(docNorms, (<usize>1) << DOC_SHIFT);
}

const IDF: usize = memory.data(4 * 8, 8);
let quality: f32 = 1.0;

/** Gets term `t`'s postings ready to score, their impact times the quality of the match (./impact). */
function termWeights(t: u32, matchQuality: f32): void {
  termIdf(t, IDF);
  quality = matchQuality;
}

// The bit of the word being scored when it is the first (0 for later words).
let firstWordBit: u32 = 0;

function scorePosting(doc: u32, packed: u32, typo: bool): void {
  const score = quality * impact(packed, IDF, docNorms + ((<usize>doc) << DOC_SHIFT));
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
  addWork(WORK_POSTINGS, to - img.postStart(t));
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
  addWork(WORK_POSTINGS, to - img.postStart(t));
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
  addWork(WORK_POSTINGS, count);
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

/**
 * Scores the words in `order` into docScore/docMask/docTypos over qTouched. With `everyWord`, a
 * document must match each word so far: later words are looked up for the remaining candidates
 * when that is cheaper than reading their postings. Returns false when no document matched all.
 */
export function scoreWords(words: i32, order: usize, everyWord: bool): bool {
  queryStamp = ++stamp;
  qTouchedCount = 0;
  addWork(WORK_PASSES, 1);
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
