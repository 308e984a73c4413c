// The index image: one block at IMAGE_BASE that the builder writes and a host can save and copy
// back in byte for byte. Every reference inside it is an offset from IMAGE_BASE.

import { IMAGE_BASE } from './arena';

export const MAGIC: u32 = 0x5844534c; // "LSDX" little-endian
// 4: the impact-ordered postings are no longer shipped; the engine derives them at load (./impacts.ts).
export const VERSION: u32 = 4;
export const HEADER_BYTES: u32 = 128;
export const FIELDS: i32 = 6;
/** Bytes per document record: category u16, brand u16, price u32, rating u8, in stock u8, lengths u8[6]. */
export const DOC_BYTES: u32 = 16;

// Header slots (u32 index).
export const H_MAGIC = 0;
export const H_VERSION = 1;
export const H_BYTES = 2;
export const H_CHECKSUM = 3;
export const H_DOCS = 4;
export const H_TERMS = 5;
export const H_POSTINGS = 6;
export const H_FINGERPRINT = 7;
export const H_DOC_TABLE = 8;
export const H_TERM_START = 9;
export const H_TERM_CHARS = 10;
export const H_TERM_POST = 11;
export const H_POST = 12;
export const H_STEM_LEN = 13;
export const H_STEM_ORDER = 14;
export const H_REV_ORDER = 15;
export const H_SURF_START = 16;
export const H_SURF_CHARS = 17;
export const H_AVG_LEN = 18;
export const H_CATEGORIES = 19;
export const H_BRANDS = 20;
export const H_FIELD_DF = 21;

export function header(slot: i32): u32 {
  return load<u32>(IMAGE_BASE + ((<usize>slot) << 2));
}

export function setHeader(slot: i32, value: u32): void {
  store<u32>(IMAGE_BASE + ((<usize>slot) << 2), value);
}

/** Word-wise multiplicative hash over the body; catches truncation, bit rot and stray edits. */
export function checksum(base: usize, bytes: usize): u32 {
  let h: u32 = 0x811c9dc5;
  let p = base + HEADER_BYTES;
  const end = base + bytes;
  for (; p + 4 <= end; p += 4) h = (h ^ load<u32>(p)) * 0x01000193;
  for (; p < end; p++) h = (h ^ (<u32>load<u8>(p))) * 0x01000193;
  return h;
}

// Pointers into the loaded image, resolved once per load.
export let docCount: u32 = 0;
export let termCount: u32 = 0;
export let docTable: usize = 0;
export let termStart: usize = 0;
export let termChars: usize = 0;
export let termPost: usize = 0;
export let postings: usize = 0;
export let stemLens: usize = 0;
export let stemOrder: usize = 0;
export let revOrder: usize = 0;
export let surfStart: usize = 0;
export let surfChars: usize = 0;
export let avgLen: usize = 0;
export let fieldDf: usize = 0;
/** Not part of the image: laid out after it at load by ./impacts.ts (setImpacts). */
export let impacts: usize = 0;
export let categoryCount: u32 = 0;
export let brandCount: u32 = 0;
export let loaded: bool = false;

export function resolveAt(base: usize): void {
  docCount = load<u32>(base + 4 * H_DOCS);
  termCount = load<u32>(base + 4 * H_TERMS);
  docTable = base + load<u32>(base + 4 * H_DOC_TABLE);
  termStart = base + load<u32>(base + 4 * H_TERM_START);
  termChars = base + load<u32>(base + 4 * H_TERM_CHARS);
  termPost = base + load<u32>(base + 4 * H_TERM_POST);
  postings = base + load<u32>(base + 4 * H_POST);
  stemLens = base + load<u32>(base + 4 * H_STEM_LEN);
  stemOrder = base + load<u32>(base + 4 * H_STEM_ORDER);
  revOrder = base + load<u32>(base + 4 * H_REV_ORDER);
  surfStart = base + load<u32>(base + 4 * H_SURF_START);
  surfChars = base + load<u32>(base + 4 * H_SURF_CHARS);
  avgLen = base + load<u32>(base + 4 * H_AVG_LEN);
  fieldDf = base + load<u32>(base + 4 * H_FIELD_DF);
  categoryCount = load<u32>(base + 4 * H_CATEGORIES);
  brandCount = load<u32>(base + 4 * H_BRANDS);
  loaded = true;
}

export function setImpacts(at: usize): void {
  impacts = at;
}

export function unload(): void {
  loaded = false;
}

/** Error codes of a refused image (the facade turns them into messages). */
export const LOAD_OK = 0;
export const LOAD_TOO_SHORT = 1;
export const LOAD_BAD_MAGIC = 2;
export const LOAD_BAD_VERSION = 3;
export const LOAD_BAD_LENGTH = 4;
export const LOAD_BAD_CHECKSUM = 5;
export const LOAD_BAD_LAYOUT = 6;

/** Checks an image the host has copied to IMAGE_BASE (`bytes` long) before anything reads it. */
export function validate(bytes: u32): i32 {
  if (bytes < HEADER_BYTES) return LOAD_TOO_SHORT;
  if (header(H_MAGIC) != MAGIC) return LOAD_BAD_MAGIC;
  if (header(H_VERSION) != VERSION) return LOAD_BAD_VERSION;
  if (header(H_BYTES) != bytes) return LOAD_BAD_LENGTH;
  if (checksum(IMAGE_BASE, bytes) != header(H_CHECKSUM)) return LOAD_BAD_CHECKSUM;
  for (let slot = H_DOC_TABLE; slot <= H_FIELD_DF; slot++) {
    if (slot == H_CATEGORIES || slot == H_BRANDS) continue;
    const offset = header(slot);
    if (offset < HEADER_BYTES || offset > bytes) return LOAD_BAD_LAYOUT;
  }
  return LOAD_OK;
}

// Accessors used by the query side.
export function termLen(t: u32): i32 {
  return <i32>(load<u32>(termStart + ((<usize>t + 1) << 2)) - load<u32>(termStart + ((<usize>t) << 2)));
}

export function termPtr(t: u32): usize {
  return termChars + ((<usize>load<u32>(termStart + ((<usize>t) << 2))) << 1);
}

export function termUnit(t: u32, i: i32): u32 {
  return <u32>load<u16>(termPtr(t) + ((<usize>i) << 1));
}

export function stemLenOf(t: u32): i32 {
  return <i32>load<u8>(stemLens + <usize>t);
}

export function postStart(t: u32): u32 {
  return load<u32>(termPost + ((<usize>t) << 2));
}

export function postEnd(t: u32): u32 {
  return load<u32>(termPost + ((<usize>t + 1) << 2));
}

export function docRecord(doc: u32): usize {
  return docTable + <usize>doc * DOC_BYTES;
}

/** Documents with term `t` in field `f`: each field has its own idf (a word common in descriptions can be rare in titles). */
export function fieldDocs(t: u32, f: i32): u32 {
  return load<u32>(fieldDf + ((<usize>t * <usize>FIELDS + <usize>f) << 2));
}
