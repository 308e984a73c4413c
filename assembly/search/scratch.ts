// Query scratch that belongs to the loaded index: one 64-byte line of state per document, the
// lists of documents a word and a query touched, and per-term stamps. Allocated once per loaded
// index; a query resets it by bumping stamps, never by clearing.

import { alloc, mark } from './arena';
import * as img from './image';

// Per-document state, one 64-byte cache line per document: a posting touches one line, not eight
// arrays. Fields are addresses of the first document's slot.
export const DOC_SHIFT: usize = 6;
// Byte offsets inside a document's line.
export const LINE_CATEGORY: usize = 28;
export const LINE_BRAND: usize = 30;
export const LINE_NORMS: usize = 32;
export const LINE_PRICE: usize = 56;
export const LINE_RATING: usize = 60;
export const LINE_STOCK: usize = 61;

export let docState: usize = 0;
export let docTokStamp: usize = 0; // u32: word stamp of docTok
export let docTok: usize = 0; // f32 best score of the current word
export let docTokSound: usize = 0; // u32 1 when the current word matched without a typo
export let docStamp: usize = 0; // u32: query stamp of the rest
export let docScore: usize = 0; // f32 sum over words
export let docMask: usize = 0; // u32 words matched
export let docTypos: usize = 0; // u32 words matched only through a typo
export let docFacets: usize = 0; // u16 category, u16 brand (copied from the document record)
export let docNorms: usize = 0; // f32 per field: k1 * (1 - b + b * length / average length)
export let docPrice: usize = 0; // u32 gross price in cents (copied from the document record)
export let docRatingStock: usize = 0; // u8 rating in tenths, u8 in stock (copied from the document record)

// One bit per document: the candidates left after the earlier words. A later word scanned in full
// tests this small bitmap (it stays in cache) before touching a document's line, so its postings
// are read in order and only the candidates' lines are loaded.
export let candBits: usize = 0;
// One bit per document each: the documents matching every word of the query (./prune.ts), and
// those matching the word being added to them.
export let matchBits: usize = 0;
export let wordBits: usize = 0;
export let bitmapBytes: usize = 0;
export let tokTouched: usize = 0;
export let qTouched: usize = 0;
export let termStamp: usize = 0; // word stamp: expanded for this word already
export let termHit: usize = 0; // query stamp: matched by this query (for highlights)
export let scratchTop: usize = 0;
export let stamp: u32 = 0;
export let queryStamp: u32 = 0;
export let hitStamp: u32 = 0; // the query whose terms termHit marks
export let qTouchedCount: u32 = 0;
export let tokTouchedCount: u32 = 0;

export function docU32(field: usize, doc: u32): u32 {
  return load<u32>(field + ((<usize>doc) << DOC_SHIFT));
}

export function setDocU32(field: usize, doc: u32, v: u32): void {
  store<u32>(field + ((<usize>doc) << DOC_SHIFT), v);
}

export function docF32(field: usize, doc: u32): f32 {
  return load<f32>(field + ((<usize>doc) << DOC_SHIFT));
}

export function setDocF32(field: usize, doc: u32, v: f32): void {
  store<f32>(field + ((<usize>doc) << DOC_SHIFT), v);
}

export function u32At(base: usize, i: u32): u32 {
  return load<u32>(base + ((<usize>i) << 2));
}

export function setU32(base: usize, i: u32, v: u32): void {
  store<u32>(base + ((<usize>i) << 2), v);
}

export function f32At(base: usize, i: u32): f32 {
  return load<f32>(base + ((<usize>i) << 2));
}

export function setF32(base: usize, i: u32, v: f32): void {
  store<f32>(base + ((<usize>i) << 2), v);
}

/**
 * Allocates the scratch of the loaded index and copies into each document's line what filters,
 * facets and sorts read of it: a candidate then costs one cache miss instead of two (its line and
 * its record in the image). BM25's length norms are filled in by the scorer.
 */
export function allocateScratch(): void {
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
  docFacets = docState + LINE_CATEGORY;
  docNorms = docState + LINE_NORMS;
  docPrice = docState + LINE_PRICE;
  docRatingStock = docState + LINE_RATING;
  bitmapBytes = ((<usize>img.docCount + 31) >> 5) << 2;
  candBits = alloc(bitmapBytes);
  matchBits = alloc(bitmapBytes);
  wordBits = alloc(bitmapBytes);
  tokTouched = alloc(n);
  qTouched = alloc(n);
  termStamp = alloc(t);
  termHit = alloc(t);
  for (let doc: u32 = 0; doc < img.docCount; doc++) {
    const rec = img.docRecord(doc);
    setDocU32(docFacets, doc, load<u32>(rec));
    setDocU32(docPrice, doc, load<u32>(rec + 4));
    store<u16>(docRatingStock + ((<usize>doc) << DOC_SHIFT), load<u16>(rec + 8));
  }
  scratchTop = mark();
  stamp = 0;
  queryStamp = 0;
  hitStamp = 0;
}
