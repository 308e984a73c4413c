import { ensureMemory as growMemory } from '../shared/memory';

// Linear memory is one bump arena owned by the module: catalog, then rules, then the per-call
// cart region. The stub runtime never allocates here because the engine uses no managed objects.

export function align8(n: usize): usize {
  return (n + 7) & ~(<usize>7);
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
