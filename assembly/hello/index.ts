// The smallest Laden module: proves the toolchain, the host imports and the trap path end to end.
import { log } from '../shared/host';

log('hello from WASM');

export function add(a: i32, b: i32): i32 {
  return a + b;
}

/** Sums `count` little-endian u32 values that the host wrote at `ptr`. */
export function sumU32(ptr: usize, count: u32): u64 {
  let total: u64 = 0;
  for (let i: u32 = 0; i < count; i++) total += load<u32>(ptr + ((<usize>i) << 2));
  return total;
}

/** Grows memory by `pages` and returns the previous size in pages (-1 when refused). */
export function grow(pages: i32): i32 {
  return memory.grow(pages);
}

export function failWith(code: i32): i32 {
  assert(code == 0, 'code must be zero');
  return code;
}

export function unreachableTrap(): void {
  unreachable();
}

/** Input region the host writes into: a fixed place in linear memory. */
export const INPUT_OFFSET: usize = memory.data(1024);
