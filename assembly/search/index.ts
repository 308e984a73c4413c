// Laden's search engine: builds a compact full-text index of the catalog, saves it as a memory
// image and answers ranked, typo-tolerant, faceted queries. The facade is src/wasm/search.ts.
//
// Calling convention: the host writes UTF-16 text into the input region, calls, and reads the
// output region. Pointers are handed out by the functions below; the host never computes them.

import { INPUT, INPUT_BYTES, OUTPUT, IMAGE_BASE, release } from './arena';
import { ensureMemory } from '../shared/memory';
import * as img from './image';
import { setupScratch } from './query';
import { finishBuild as layOut } from './build';
import { layImpacts } from './impacts';

export { beginBuild, addDocument } from './build';
export { search, highlight } from './query';
export { work } from './stats';

export function inputPointer(): usize {
  return INPUT;
}

/** Capacity of the input region in UTF-16 units. */
export function inputUnits(): u32 {
  return <u32>(INPUT_BYTES >> 1);
}

export function outputPointer(): usize {
  return OUTPUT;
}

/** Finishes a build; returns the image size in bytes, 0 when documents are missing. */
export function finishBuild(): u32 {
  const bytes = layOut();
  if (bytes > 0) startUsing();
  return bytes;
}

/** Derives what the image does not carry (./impacts.ts), then the query scratch, after the image. */
function startUsing(): void {
  layImpacts();
  setupScratch();
}

export function imagePointer(): usize {
  return IMAGE_BASE;
}

export function imageBytes(): u32 {
  return img.loaded ? img.header(img.H_BYTES) : 0;
}

/** Drops the loaded index and makes room for an image of `bytes`; returns where to copy it (0: too big). */
export function prepareLoad(bytes: u32): usize {
  img.unload();
  release(IMAGE_BASE);
  return ensureMemory(<u64>(IMAGE_BASE + <usize>bytes)) ? IMAGE_BASE : 0;
}

/** Checks the image copied in by the host and starts using it; returns a LOAD_* code (0: ok). */
export function commitLoad(bytes: u32): i32 {
  const code = img.validate(bytes);
  if (code != img.LOAD_OK) return code;
  img.resolveAt(IMAGE_BASE);
  release(IMAGE_BASE + <usize>bytes);
  startUsing();
  return code;
}

export function fingerprint(): u32 {
  return img.loaded ? img.header(img.H_FINGERPRINT) : 0;
}

export function documentCount(): u32 {
  return img.loaded ? img.docCount : 0;
}

export function termCount(): u32 {
  return img.loaded ? img.termCount : 0;
}

/** Writes how term `t` was written in the catalog (lower case) to OUTPUT; returns its length. */
export function termShown(t: u32): i32 {
  if (!img.loaded || t >= img.termCount) return 0;
  const from = load<u32>(img.surfStart + ((<usize>t) << 2));
  const to = load<u32>(img.surfStart + ((<usize>t + 1) << 2));
  memory.copy(OUTPUT, img.surfChars + ((<usize>from) << 1), (<usize>(to - from)) << 1);
  return <i32>(to - from);
}
