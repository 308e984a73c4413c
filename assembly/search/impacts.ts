// The impact-ordered copy of the postings, written at build time: for each term, its postings'
// (document, impact) pairs from the highest impact down, in the same range the doc-sorted postings
// take. A top-k query reads its most selective word's lists in this order and stops once no
// document still unread can reach the k-th kept score (./prune.ts), instead of scoring them all.

import { alloc } from './arena';
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

/** Lays out the `pairs` impact-ordered pairs at `to`; the image must be resolved (img.resolveAt) already. */
export function layImpacts(to: usize, pairs: u32): void {
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
}
