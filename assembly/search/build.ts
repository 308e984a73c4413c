// Builds the index image from documents the host streams in one by one (addDocument), then lays
// it out as one relocatable block at IMAGE_BASE (finishBuild).

import { INPUT, IMAGE_BASE, Vec32, alloc, release } from './arena';
import { FOLD_BUF, foldWord, lowerUnit, nextWord, stemLength, wordEnd } from './text';
import { sortIds } from './sort';
import * as img from './image';

const tChars = changetype<Vec32>(memory.data(16, 8)); // folded units, one u32 each while building
const tStart = changetype<Vec32>(memory.data(16, 8));
const tSurf = changetype<Vec32>(memory.data(16, 8));
const tSurfStart = changetype<Vec32>(memory.data(16, 8));
const tLastDoc = changetype<Vec32>(memory.data(16, 8)); // doc + 1 that last used the term
const tSlot = changetype<Vec32>(memory.data(16, 8)); // its entry in that doc's posting pairs
const tDf = changetype<Vec32>(memory.data(16, 8));
const dPairs = changetype<Vec32>(memory.data(16, 8)); // (term, packed field tfs) per doc, doc after doc
const dStart = changetype<Vec32>(memory.data(16, 8));

let docsExpected: u32 = 0;
let docsAdded: u32 = 0;
let docs: usize = 0;
let fingerprint: u32 = 0;
let categories: u32 = 0;
let brands: u32 = 0;
let hashTable: usize = 0;
let hashCap: u32 = 0;
let lenSums: usize = memory.data(8 * 6, 8);

/** Starts a new build; any loaded index is dropped. */
export function beginBuild(count: u32, categoryCount: u32, brandCount: u32, print: u32): void {
  img.unload();
  release(IMAGE_BASE);
  docsExpected = count;
  docsAdded = 0;
  fingerprint = print;
  categories = categoryCount;
  brands = brandCount;
  docs = alloc(<usize>count * img.DOC_BYTES);
  tChars.reset();
  tStart.reset();
  tSurf.reset();
  tSurfStart.reset();
  tLastDoc.reset();
  tSlot.reset();
  tDf.reset();
  dPairs.reset();
  dStart.reset();
  tStart.push(0);
  tSurfStart.push(0);
  dStart.push(0);
  hashCap = 1 << 14;
  hashTable = alloc((<usize>hashCap) << 2);
  memory.fill(lenSums, 0, 8 * 6);
}

function hashFolded(len: i32): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < len; i++) h = (h ^ (<u32>load<u16>(FOLD_BUF + ((<usize>i) << 1)))) * 0x01000193;
  return h;
}

function sameTerm(t: u32, len: i32): bool {
  const start = tStart.get(t);
  if (<i32>(tStart.get(t + 1) - start) != len) return false;
  for (let i = 0; i < len; i++) {
    if (tChars.get(start + <u32>i) != <u32>load<u16>(FOLD_BUF + ((<usize>i) << 1))) return false;
  }
  return true;
}

function rehash(): void {
  const cap = hashCap << 1;
  const table = alloc((<usize>cap) << 2);
  for (let t: u32 = 0; t < tDf.len; t++) {
    let h: u32 = 0x811c9dc5;
    const start = tStart.get(t);
    const end = tStart.get(t + 1);
    for (let i = start; i < end; i++) h = (h ^ tChars.get(i)) * 0x01000193;
    let slot = h & (cap - 1);
    while (load<u32>(table + ((<usize>slot) << 2)) != 0) slot = (slot + 1) & (cap - 1);
    store<u32>(table + ((<usize>slot) << 2), t + 1);
  }
  hashTable = table;
  hashCap = cap;
}

/** The id of the folded word in FOLD_BUF, adding it (with its shown form) when new. */
function intern(len: i32, wordPtr: usize, wordLen: i32): u32 {
  let slot = hashFolded(len) & (hashCap - 1);
  while (true) {
    const entry = load<u32>(hashTable + ((<usize>slot) << 2));
    if (entry == 0) break;
    if (sameTerm(entry - 1, len)) return entry - 1;
    slot = (slot + 1) & (hashCap - 1);
  }
  const t = tDf.len;
  store<u32>(hashTable + ((<usize>slot) << 2), t + 1);
  for (let i = 0; i < len; i++) tChars.push(<u32>load<u16>(FOLD_BUF + ((<usize>i) << 1)));
  tStart.push(tChars.len);
  const shown = wordLen < 48 ? wordLen : 48;
  for (let i = 0; i < shown; i++) tSurf.push(lowerUnit(<u32>load<u16>(wordPtr + ((<usize>i) << 1))));
  tSurfStart.push(tSurf.len);
  tDf.push(0);
  tLastDoc.push(0);
  tSlot.push(0);
  if (tDf.len * 2 > hashCap) rehash();
  return t;
}

/**
 * Adds the next document. INPUT holds six u32 field lengths (title, brand, category, tags,
 * attributes, description) followed by the fields' UTF-16 text, back to back.
 * Returns false when more documents arrive than were announced.
 */
export function addDocument(category: u32, brand: u32, priceCents: u32, ratingTenths: u32, inStock: u32): bool {
  if (docsAdded >= docsExpected) return false;
  const doc = docsAdded;
  const rec = docs + <usize>doc * img.DOC_BYTES;
  store<u16>(rec, <u16>min(category, 0xffff));
  store<u16>(rec + 2, <u16>min(brand, 0xffff));
  store<u32>(rec + 4, priceCents);
  store<u8>(rec + 8, <u8>min(ratingTenths, 50));
  store<u8>(rec + 9, inStock != 0 ? 1 : 0);
  let text = INPUT + 4 * img.FIELDS;
  for (let f = 0; f < img.FIELDS; f++) {
    const len = <i32>load<u32>(INPUT + ((<usize>f) << 2));
    let words = 0;
    let at = nextWord(text, len, 0);
    while (at >= 0) {
      const end = wordEnd;
      const folded = foldWord(text + ((<usize>at) << 1), end - at);
      if (folded > 0) {
        words++;
        const t = intern(folded, text + ((<usize>at) << 1), end - at);
        let pair: u32;
        if (tLastDoc.get(t) != doc + 1) {
          tLastDoc.set(t, doc + 1);
          pair = dPairs.len;
          tSlot.set(t, pair);
          dPairs.push(t);
          dPairs.push(0);
          tDf.set(t, tDf.get(t) + 1);
        } else pair = tSlot.get(t);
        const tfs = dPairs.get(pair + 1);
        const shift = <u32>(f << 2);
        if (((tfs >> shift) & 15) < 15) dPairs.set(pair + 1, tfs + (1 << shift));
      }
      at = nextWord(text, len, end);
    }
    store<u8>(rec + 10 + f, <u8>min(words, 255));
    store<f64>(lenSums + ((<usize>f) << 3), load<f64>(lenSums + ((<usize>f) << 3)) + <f64>min(words, 255));
    text += (<usize>len) << 1;
  }
  dStart.push(dPairs.len);
  docsAdded++;
  return true;
}

// Comparators over the build-time term store (old ids) and over the written image (new ids).
function compareBuildTerms(a: u32, b: u32): i32 {
  const as = tStart.get(a),
    ae = tStart.get(a + 1);
  const bs = tStart.get(b),
    be = tStart.get(b + 1);
  const n = min(ae - as, be - bs);
  for (let i: u32 = 0; i < n; i++) {
    const d = <i32>tChars.get(as + i) - <i32>tChars.get(bs + i);
    if (d != 0) return d;
  }
  return <i32>(ae - as) - <i32>(be - bs);
}

function compareStems(a: u32, b: u32): i32 {
  const la = img.stemLenOf(a),
    lb = img.stemLenOf(b);
  const n = min(la, lb);
  for (let i = 0; i < n; i++) {
    const d = <i32>img.termUnit(a, i) - <i32>img.termUnit(b, i);
    if (d != 0) return d;
  }
  return la != lb ? la - lb : <i32>a - <i32>b;
}

function compareReversedStems(a: u32, b: u32): i32 {
  const la = img.stemLenOf(a),
    lb = img.stemLenOf(b);
  const n = min(la, lb);
  for (let i = 1; i <= n; i++) {
    const d = <i32>img.termUnit(a, la - i) - <i32>img.termUnit(b, lb - i);
    if (d != 0) return d;
  }
  return la != lb ? la - lb : <i32>a - <i32>b;
}

function align4(n: u32): u32 {
  return (n + 3) & ~3;
}

/** Lays the index out at IMAGE_BASE; returns its size in bytes (0 if documents are missing). */
export function finishBuild(): u32 {
  if (docsAdded != docsExpected) return 0;
  const terms = tDf.len;
  const order = alloc((<usize>terms) << 2);
  for (let t: u32 = 0; t < terms; t++) store<u32>(order + ((<usize>t) << 2), t);
  sortIds(order, <i32>terms, compareBuildTerms);
  const rank = alloc((<usize>terms) << 2);
  for (let i: u32 = 0; i < terms; i++) store<u32>(rank + ((<usize>load<u32>(order + ((<usize>i) << 2))) << 2), i);

  const pairs = dPairs.len >> 1;
  let at: u32 = img.HEADER_BYTES;
  const oDocs = at;
  at += align4(docsExpected * img.DOC_BYTES);
  const oTermStart = at;
  at += (terms + 1) * 4;
  const oTermChars = at;
  at += align4(tChars.len * 2);
  const oTermPost = at;
  at += (terms + 1) * 4;
  const oPost = at;
  at += pairs * 8;
  const oStemLen = at;
  at += align4(terms);
  const oStemOrder = at;
  at += terms * 4;
  const oRevOrder = at;
  at += terms * 4;
  const oSurfStart = at;
  at += (terms + 1) * 4;
  const oSurfChars = at;
  at += align4(tSurf.len * 2);
  const oAvg = at;
  at += img.FIELDS * 4;
  const oFieldDf = at;
  at += terms * img.FIELDS * 4;
  const bytes = at;

  const base = alloc(bytes);
  memory.copy(base + oDocs, docs, <usize>docsExpected * img.DOC_BYTES);
  // terms, shown forms and stems in sorted order
  let chars: u32 = 0;
  let surf: u32 = 0;
  for (let i: u32 = 0; i < terms; i++) {
    const t = load<u32>(order + ((<usize>i) << 2));
    store<u32>(base + oTermStart + ((<usize>i) << 2), chars);
    store<u32>(base + oSurfStart + ((<usize>i) << 2), surf);
    const s = tStart.get(t),
      e = tStart.get(t + 1);
    for (let k = s; k < e; k++) {
      store<u16>(base + oTermChars + ((<usize>chars) << 1), <u16>tChars.get(k));
      chars++;
    }
    const ss = tSurfStart.get(t),
      se = tSurfStart.get(t + 1);
    for (let k = ss; k < se; k++) {
      store<u16>(base + oSurfChars + ((<usize>surf) << 1), <u16>tSurf.get(k));
      surf++;
    }
    const wordPtr = base + oTermChars + ((<usize>(chars - (e - s))) << 1);
    store<u8>(base + oStemLen + <usize>i, <u8>stemLength(wordPtr, <i32>(e - s)));
  }
  store<u32>(base + oTermStart + ((<usize>terms) << 2), chars);
  store<u32>(base + oSurfStart + ((<usize>terms) << 2), surf);
  // postings grouped by term; documents arrive in order, so each list is sorted by document
  let post: u32 = 0;
  for (let i: u32 = 0; i < terms; i++) {
    store<u32>(base + oTermPost + ((<usize>i) << 2), post);
    post += tDf.get(load<u32>(order + ((<usize>i) << 2)));
  }
  store<u32>(base + oTermPost + ((<usize>terms) << 2), post);
  const cursor = alloc((<usize>terms) << 2);
  memory.copy(cursor, base + oTermPost, (<usize>terms) << 2);
  for (let d: u32 = 0; d < docsExpected; d++) {
    const last = dStart.get(d + 1);
    for (let p = dStart.get(d); p < last; p += 2) {
      const t = load<u32>(rank + ((<usize>dPairs.get(p)) << 2));
      const slot = load<u32>(cursor + ((<usize>t) << 2));
      store<u32>(cursor + ((<usize>t) << 2), slot + 1);
      store<u32>(base + oPost + ((<usize>slot) << 3), d);
      const tfs = dPairs.get(p + 1);
      store<u32>(base + oPost + ((<usize>slot) << 3) + 4, tfs);
      for (let f = 0; f < img.FIELDS; f++) {
        if (((tfs >> ((<u32>f) << 2)) & 15) == 0) continue;
        const cell = base + oFieldDf + ((<usize>t * <usize>img.FIELDS + <usize>f) << 2);
        store<u32>(cell, load<u32>(cell) + 1);
      }
    }
  }
  for (let f = 0; f < img.FIELDS; f++) {
    const avg = docsExpected > 0 ? load<f64>(lenSums + ((<usize>f) << 3)) / <f64>docsExpected : 0.0;
    store<f32>(base + oAvg + ((<usize>f) << 2), <f32>max(avg, 1.0));
  }
  const head = base;
  store<u32>(head + (img.H_MAGIC << 2), img.MAGIC);
  store<u32>(head + (img.H_VERSION << 2), img.VERSION);
  store<u32>(head + (img.H_BYTES << 2), bytes);
  store<u32>(head + (img.H_DOCS << 2), docsExpected);
  store<u32>(head + (img.H_TERMS << 2), terms);
  store<u32>(head + (img.H_POSTINGS << 2), pairs);
  store<u32>(head + (img.H_FINGERPRINT << 2), fingerprint);
  store<u32>(head + (img.H_DOC_TABLE << 2), oDocs);
  store<u32>(head + (img.H_TERM_START << 2), oTermStart);
  store<u32>(head + (img.H_TERM_CHARS << 2), oTermChars);
  store<u32>(head + (img.H_TERM_POST << 2), oTermPost);
  store<u32>(head + (img.H_POST << 2), oPost);
  store<u32>(head + (img.H_STEM_LEN << 2), oStemLen);
  store<u32>(head + (img.H_STEM_ORDER << 2), oStemOrder);
  store<u32>(head + (img.H_REV_ORDER << 2), oRevOrder);
  store<u32>(head + (img.H_SURF_START << 2), oSurfStart);
  store<u32>(head + (img.H_SURF_CHARS << 2), oSurfChars);
  store<u32>(head + (img.H_AVG_LEN << 2), oAvg);
  store<u32>(head + (img.H_CATEGORIES << 2), categories);
  store<u32>(head + (img.H_BRANDS << 2), brands);
  store<u32>(head + (img.H_FIELD_DF << 2), oFieldDf);
  // stem orders are sorted through the image accessors, so point them at the block for now
  img.resolveAt(base);
  for (let i: u32 = 0; i < terms; i++) {
    store<u32>(base + oStemOrder + ((<usize>i) << 2), i);
    store<u32>(base + oRevOrder + ((<usize>i) << 2), i);
  }
  sortIds(base + oStemOrder, <i32>terms, compareStems);
  sortIds(base + oRevOrder, <i32>terms, compareReversedStems);
  store<u32>(head + (img.H_CHECKSUM << 2), img.checksum(base, bytes));
  memory.copy(IMAGE_BASE, base, bytes);
  release(IMAGE_BASE + bytes);
  img.resolveAt(IMAGE_BASE);
  return bytes;
}
