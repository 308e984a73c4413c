// Exact integer money arithmetic on ordinary numbers. Every amount is a whole number of cents far
// below 2^53; the one product that can pass 2^53 (an amount split over a large weight) takes the
// wide path of mulDiv.

const SAFE = 2 ** 52;
const LOW_BITS = 2 ** 24;

/** Remainder of the last `mulDiv`, for largest-remainder splits. */
export let mulDivRemainder = 0;

/** Quotient and remainder of n / d (both < 2^52), fixed up where the float quotient rounded up. */
function divide(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q--;
    r += d;
  } else if (r >= d) {
    q++;
    r -= d;
  }
  mulDivRemainder = r;
  return q;
}

/**
 * floor(a * b / c) for non-negative integers with a < 2^24 and b <= c < 2^50 (a share of `a`
 * cents in proportion to b / c). Below 2^52 the product is exact; above, it is divided as
 * (high part x 2^24 + low part), the low part a few bits at a time so nothing leaves 2^52.
 */
export function mulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  if (product < SAFE) return divide(product, c);
  const bLow = b % LOW_BITS;
  const low = a * bLow;
  const high = a * ((b - bLow) / LOW_BITS) + Math.floor(low / LOW_BITS);
  let q = divide(high, c);
  let r = mulDivRemainder;
  const step = Math.min(24, Math.max(1, 51 - Math.ceil(Math.log2(c + 1))));
  let bits = 24;
  let rest = low % LOW_BITS;
  while (bits > 0) {
    const take = Math.min(step, bits);
    bits -= take;
    const scale = 2 ** bits;
    const digit = Math.floor(rest / scale);
    rest -= digit * scale;
    const qd = divide(r * 2 ** take + digit, c);
    r = mulDivRemainder;
    q = q * 2 ** take + qd;
  }
  mulDivRemainder = r;
  return q;
}

/** n / d rounded half up (commercial rounding), for n >= 0 and d > 0. */
export function roundDiv(n: number, d: number): number {
  const q = divide(n, d);
  return mulDivRemainder * 2 >= d ? q + 1 : q;
}
