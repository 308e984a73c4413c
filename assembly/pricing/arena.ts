import { ensureMemory as growMemory } from '../shared/memory';

// Linear memory is one bump arena owned by the module: catalog, then rules, then the per-call
// cart region. The stub runtime never allocates here because the engine uses no managed objects.

export function align8(n: usize): usize {
  return (n + 7) & ~(<usize>7);
}

/** No region may exceed 256 MiB: memory stops at 128 MiB, and sums of a few regions stay below 4 GiB. */
const MAX_REGION_BYTES: u64 = 1 << 28;

/**
 * Aborts unless `count` records of `bytes` each can fit: checked in 64 bits before any 32-bit
 * address arithmetic, which would otherwise wrap (2^31 items x 8 bytes = 0) and pass ensureMemory.
 */
export function checkRegion(count: u64, bytes: u64): void {
  if (count > MAX_REGION_BYTES || count * bytes > MAX_REGION_BYTES) abort('pricing: out of memory');
}

/** Grows memory so that [0, end) is addressable; aborts with a clear message when refused. */
export function ensureMemory(end: usize): void {
  if (!growMemory(<u64>end)) abort('pricing: out of memory');
}

export function loadI64(base: usize, slot: i32): i64 {
  return load<i64>(base + ((<usize>slot) << 3));
}

export function storeI64(base: usize, slot: i32, value: i64): void {
  store<i64>(base + ((<usize>slot) << 3), value);
}

export function loadU32(base: usize, index: u32): u32 {
  return load<u32>(base + ((<usize>index) << 2));
}

export function storeU32(base: usize, index: u32, value: u32): void {
  store<u32>(base + ((<usize>index) << 2), value);
}
