// The impact-ordered copy of the postings: for each term, its postings' (document, impact) pairs
// from the highest impact down, in the same range the doc-sorted postings take. A top-k query reads
// its most selective word's lists in this order and stops once no document still unread can reach
// the k-th kept score (./prune.ts), instead of scoring them all.
//
// It is derived data (8 bytes per posting, more than half the image), so it is not shipped: the
// engine lays it out right after the image once one is built or loaded, with the same impact
// function and sort, so a loaded image prunes exactly as the engine that built it.

import { alloc, mark, release } from './arena';
import * as img from './image';
import { fillNorms, impact, termIdf } from './impact';
import { sortIds } from './sort';

const IDFS: usize = memory.data(4 * 8, 8);
let scores: usize = 0;

// Higher impact first; equal impacts by posting, i.e. by document (the order is fixed by the data).
function byImpact(a: u32, b: u32): i32 {
  const sa = load<f32>(scores + ((<usize>a) << 2)),
    sb = load<f32>(scores + ((<usize>b) << 2));
  if (sa != sb) return sa > sb ? -1 : 1;
  return <i32>(a - b);
}

/**
 * Lays out the impact-ordered pairs at the arena's top, after the resolved image (img.resolveAt),
 * and points img.impacts at them; the working arrays are given back.
 */
export function layImpacts(): void {
  const pairs = img.postStart(img.termCount);
  const to = alloc((<usize>pairs) << 3);
  const work = mark();
  const norms = alloc(<usize>img.docCount * 24);
  fillNorms(norms, 24);
  scores = alloc((<usize>pairs) << 2);
  const order = alloc((<usize>pairs) << 2);
  for (let t: u32 = 0; t < img.termCount; t++) {
    termIdf(t, IDFS);
    const from = img.postStart(t),
      end = img.postEnd(t);
    for (let p = from; p < end; p++) {
      const at = img.postings + ((<usize>p) << 3);
      const doc = load<u32>(at);
      store<f32>(scores + ((<usize>p) << 2), impact(load<u32>(at + 4), IDFS, norms + <usize>doc * 24));
      store<u32>(order + ((<usize>p) << 2), p);
    }
    if (end - from > 1) sortIds(order + ((<usize>from) << 2), <i32>(end - from), byImpact);
    for (let p = from; p < end; p++) {
      const q = load<u32>(order + ((<usize>p) << 2));
      store<u32>(to + ((<usize>p) << 3), load<u32>(img.postings + ((<usize>q) << 3)));
      store<f32>(to + ((<usize>p) << 3) + 4, load<f32>(scores + ((<usize>q) << 2)));
    }
  }
  release(work);
  img.setImpacts(to);
}
