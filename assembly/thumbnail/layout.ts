// One arena after the static data, laid out anew by every prepare() and never freed: memory only
// grows to the largest job seen (up to the budget), so repeated calls allocate nothing.

/** Pixels above this are refused before anything is allocated (a 50 MP photo is 200 MB of RGBA). */
export const MAX_PIXELS: u64 = 50_000_000;
/** Everything one job may lay out, input and output included. */
export const BUDGET_BYTES: u64 = 720 << 20;

export function align16(bytes: u64): u64 {
  return (bytes + 15) & ~(<u64>15);
}

export { ensureMemory } from '../shared/memory';
