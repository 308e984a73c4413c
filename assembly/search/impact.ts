// A posting's BM25 impact: the score term `t` gives document `doc` before the query's match
// quality multiplies it in. The builder and the query side share this one function, so the impacts
// stored in the image (./impacts.ts) are bit for bit what a query computes for the same posting:
// pruning on them never differs from scoring every posting.

import * as img from './image';

// Field weights (title, brand, category, tags, attributes, description), BM25's k1 and b.
const WEIGHTS: StaticArray<f32> = [5.0, 3.0, 2.0, 2.0, 1.5, 1.0];
const K1: f32 = 1.2;
const B: f32 = 0.6;

/** k1 * (1 - b + b * length / average length) of field `f` of a document record. */
export function normOf(rec: usize, f: i32): f32 {
  const len = <f32>load<u8>(rec + 10 + <usize>f);
  const norm: f32 = 1.0 - B + (B * len) / load<f32>(img.avgLen + ((<usize>f) << 2));
  return K1 * norm;
}

/** Writes the six norms of every document, `stride` bytes apart, from `to` on. */
export function fillNorms(to: usize, stride: usize): void {
  for (let doc: u32 = 0; doc < img.docCount; doc++) {
    const rec = img.docRecord(doc);
    for (let f = 0; f < img.FIELDS; f++) store<f32>(to + <usize>doc * stride + ((<usize>f) << 2), normOf(rec, f));
  }
}

/**
 * Each field is scored by BM25 with its own idf and weight and the fields are summed (as Lucene's
 * multi-field queries and MiniSearch do) rather than BM25F's one idf for the pooled fields: in a
 * catalog, little words like "mit" are in every description but distinguish titles ("Tischleuchte
 * Pilz mit Stoffschirm"), which a pooled idf of ~0 would throw away.
 */
export function termIdf(t: u32, to: usize): void {
  const n = <f32>img.docCount;
  for (let f = 0; f < img.FIELDS; f++) {
    const df = <f32>img.fieldDocs(t, f);
    const idf = Mathf.log(1.0 + (n - df + 0.5) / (df + 0.5));
    store<f32>(to + ((<usize>f) << 2), idf * unchecked(WEIGHTS[f]) * (K1 + 1.0));
  }
}

/** The impact of a posting with field term frequencies `packed` (4 bits each), given its term's idfs and its document's norms. */
export function impact(packed: u32, idfs: usize, norms: usize): f32 {
  let score: f32 = 0;
  let tfs = packed;
  while (tfs != 0) {
    const f = <usize>(ctz(tfs) >> 2); // only the fields the term occurs in
    const tf = <f32>((tfs >> ((<u32>f) << 2)) & 15);
    tfs &= ~((<u32>15) << ((<u32>f) << 2));
    score += (load<f32>(idfs + (f << 2)) * tf) / (tf + load<f32>(norms + (f << 2)));
  }
  return score;
}

/** The tie-breaker a document's score is multiplied by: in stock and well rated, worth a few percent at most. */
export function boostOf(stocked: bool, ratingTenths: u32): f32 {
  return 1.0 + (stocked ? 0.03 : 0.0) + (0.02 * <f32>ratingTenths) / 50.0;
}
