// Result order and top-k selection. Every order ends in the document number, so ties are stable.

export const SORT_RELEVANCE = 0;
export const SORT_PRICE_UP = 1;
export const SORT_PRICE_DOWN = 2;
export const SORT_RATING = 3;

let mode = SORT_RELEVANCE;
let scores: usize = 0;
let typos: usize = 0;
let prices: usize = 0;
let ratings: usize = 0;

export function setSortMode(
  sort: i32,
  scoreArray: usize,
  typoArray: usize,
  priceArray: usize,
  ratingArray: usize,
): void {
  mode = sort;
  scores = scoreArray;
  typos = typoArray;
  prices = priceArray;
  ratings = ratingArray;
}

// Score, typo count, price and rating live in the per-document state lines of query.ts (64 bytes per document).
function scoreOf(doc: u32): f32 {
  return load<f32>(scores + ((<usize>doc) << 6));
}

function priceOf(doc: u32): u32 {
  return load<u32>(prices + ((<usize>doc) << 6));
}

function ratingOf(doc: u32): u32 {
  return <u32>load<u8>(ratings + ((<usize>doc) << 6));
}

/**
 * True when `a` is listed before `b`. By relevance, fewer words matched only through a typo come
 * first (as Meilisearch's typo rule), then the score: a doc matching every word as typed beats
 * one whose title merely resembles a word.
 */
export function rankBefore(a: u32, b: u32): bool {
  if (mode == SORT_RELEVANCE) {
    const ta = load<u32>(typos + ((<usize>a) << 6)),
      tb = load<u32>(typos + ((<usize>b) << 6));
    if (ta != tb) return ta < tb;
  }
  if (mode == SORT_PRICE_UP || mode == SORT_PRICE_DOWN) {
    const pa = priceOf(a),
      pb = priceOf(b);
    if (pa != pb) return mode == SORT_PRICE_UP ? pa < pb : pa > pb;
  } else if (mode == SORT_RATING) {
    const ra = ratingOf(a),
      rb = ratingOf(b);
    if (ra != rb) return ra > rb;
  }
  const sa = scoreOf(a),
    sb = scoreOf(b);
  if (sa != sb) return sa > sb;
  return a < b;
}

function at(heap: usize, i: u32): u32 {
  return load<u32>(heap + ((<usize>i) << 2));
}

function put(heap: usize, i: u32, v: u32): void {
  store<u32>(heap + ((<usize>i) << 2), v);
}

// A heap whose root is the last-ranked of the kept documents.
let heap: usize = 0;
let size: u32 = 0;
let cap: u32 = 0;

export function beginTop(buffer: usize, k: u32): void {
  heap = buffer;
  size = 0;
  cap = k;
}

function siftDown(from: u32, n: u32): void {
  let i = from;
  const v = at(heap, i);
  while (true) {
    const l: u32 = 2 * i + 1;
    if (l >= n) break;
    let c = l;
    if (l + 1 < n && rankBefore(at(heap, l), at(heap, l + 1))) c = l + 1;
    if (!rankBefore(v, at(heap, c))) break;
    put(heap, i, at(heap, c));
    i = c;
  }
  put(heap, i, v);
}

export function offerTop(doc: u32): void {
  if (cap == 0) return;
  if (size < cap) {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!rankBefore(at(heap, parent), doc)) break;
      put(heap, i, at(heap, parent));
      i = parent;
    }
    put(heap, i, doc);
  } else if (rankBefore(doc, at(heap, 0))) {
    put(heap, 0, doc);
    siftDown(0, size);
  }
}

/** The last-ranked of the kept documents once k are kept (what a new one must beat), else -1. */
export function keptWorst(): i32 {
  return cap > 0 && size == cap ? <i32>at(heap, 0) : -1;
}

/** Sorts the kept documents best first in place; returns how many there are. */
export function finishTop(): u32 {
  let n = size;
  while (n > 1) {
    n--;
    const last = at(heap, n);
    put(heap, n, at(heap, 0));
    put(heap, 0, last);
    siftDown(0, n);
  }
  return size;
}
