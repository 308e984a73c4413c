// Exact integer money arithmetic. Everything here takes non-negative operands.

/** Remainder of the last `mulDiv`, for largest-remainder splits. */
export let mulDivRemainder: u64 = 0;

/**
 * floor(a * b / c) with a 128-bit intermediate product. Splitting a shipping price of up to 10^7
 * cents over a rate's goods of up to 10^13 cents overflows 64 bits, so the wide path is real.
 * Callers guarantee the quotient fits into 63 bits (a <= c or b <= c).
 */
export function mulDiv(a: u64, b: u64, c: u64): u64 {
  // Operands of 63 significant bits together cannot overflow: no division needed to know it.
  if (clz(a) + clz(b) >= 65) {
    const product = a * b;
    const quotient = product / c;
    mulDivRemainder = product - quotient * c;
    return quotient;
  }
  const aL = a & 0xffffffff,
    aH = a >> 32,
    bL = b & 0xffffffff,
    bH = b >> 32;
  const ll = aL * bL,
    lh = aL * bH,
    hl = aH * bL,
    hh = aH * bH;
  const mid = (ll >> 32) + (lh & 0xffffffff) + (hl & 0xffffffff);
  const lo = (ll & 0xffffffff) | (mid << 32);
  const hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
  // Restoring long division, one bit at a time: only taken when a * b needs more than 63 bits.
  let rem: u64 = 0,
    quotient: u64 = 0;
  for (let bit = 127; bit >= 0; bit--) {
    const next = bit >= 64 ? (hi >> (<u64>(bit - 64))) & 1 : (lo >> (<u64>bit)) & 1;
    rem = (rem << 1) | next;
    quotient <<= 1;
    if (rem >= c) {
      rem -= c;
      quotient |= 1;
    }
  }
  mulDivRemainder = rem;
  return quotient;
}

/** n / d rounded half away from zero (commercial rounding), for n >= 0 and d > 0. */
export function roundDiv(n: i64, d: i64): i64 {
  const q = n / d;
  return (n - q * d) * 2 >= d ? q + 1 : q;
}
