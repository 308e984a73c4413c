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
import { sortWide } from './sort';

const IDFS: usize = memory.data(4 * 8, 8);

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
  for (let t: u32 = 0; t < img.termCount; t++) {
    termIdf(t, IDFS);
    const from = img.postStart(t),
      end = img.postEnd(t);
    // Sorted in place as u64 keys: an impact is a non-negative f32, whose bits order as the values
    // do, so the inverted bits above the posting number sort higher impacts first and equal ones by
    // posting, i.e. by document (the order is fixed by the data); no comparator calls, no copies.
    for (let p = from; p < end; p++) {
      const at = img.postings + ((<usize>p) << 3);
      const score = impact(load<u32>(at + 4), IDFS, norms + <usize>load<u32>(at) * 24);
      store<u64>(to + ((<usize>p) << 3), ((<u64>~reinterpret<u32>(score)) << 32) | (<u64>p));
    }
    if (end - from > 1) sortWide(to + ((<usize>from) << 3), <i32>(end - from));
    for (let p = from; p < end; p++) {
      const key = load<u64>(to + ((<usize>p) << 3));
      store<u32>(to + ((<usize>p) << 3), load<u32>(img.postings + ((<usize>(<u32>key)) << 3)));
      store<u32>(to + ((<usize>p) << 3) + 4, ~(<u32>(key >> 32)));
    }
  }
  release(work);
  img.setImpacts(to);
}
