// Linear memory is laid out by hand, no managed objects: the index must be one relocatable block
// (a memory image the browser copies in with a single `set`), and query scratch is reset per call
// instead of being garbage collected.
//
//   [static data][input 1 MiB][output 1 MiB][index image][query scratch / build space ...]

import { ensureMemory } from '../shared/memory';

export const INPUT_BYTES: usize = 1 << 20;
export const OUTPUT_BYTES: usize = 1 << 20;

export const INPUT: usize = (__heap_base + 15) & ~(<usize>15);
export const OUTPUT: usize = INPUT + INPUT_BYTES;
/** Where the index image always lives, so offsets inside it are plain numbers. */
export const IMAGE_BASE: usize = OUTPUT + OUTPUT_BYTES;

let top: usize = IMAGE_BASE;

/** Bump allocation, 8-byte aligned, zeroed. Aborts (a clear trap) when memory is exhausted. */
export function alloc(bytes: usize): usize {
  const ptr = (top + 7) & ~(<usize>7);
  const end = ptr + bytes;
  if (!ensureMemory(<u64>end)) abort('search: out of memory');
  memory.fill(ptr, 0, bytes);
  top = end;
  return ptr;
}

export function mark(): usize {
  return top;
}

export function release(to: usize): void {
  top = to;
}

/**
 * A growable array of u32 in the arena; growing moves it to the top (the old copy is left behind,
 * bounded by the geometric growth). Instances live in static memory (`vec32()`), never `new`.
 */
@unmanaged
export class Vec32 {
  ptr: usize;
  len: u32;
  cap: u32;

  reset(): void {
    this.ptr = 0;
    this.len = 0;
    this.cap = 0;
  }

  @inline get(i: u32): u32 {
    return load<u32>(this.ptr + ((<usize>i) << 2));
  }

  @inline set(i: u32, value: u32): void {
    store<u32>(this.ptr + ((<usize>i) << 2), value);
  }

  push(value: u32): void {
    if (this.len == this.cap) this.grow(this.len + 1);
    store<u32>(this.ptr + ((<usize>this.len) << 2), value);
    this.len++;
  }

  grow(need: u32): void {
    let cap = this.cap < 1024 ? <u32>1024 : this.cap;
    while (cap < need) cap <<= 1;
    if (cap == this.cap) return;
    const next = alloc((<usize>cap) << 2);
    if (this.len > 0) memory.copy(next, this.ptr, (<usize>this.len) << 2);
    this.ptr = next;
    this.cap = cap;
  }
}
