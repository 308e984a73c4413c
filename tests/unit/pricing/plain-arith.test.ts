import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDiv, mulDivRemainder, roundDiv } from '../../../bench/pricing/plain/arith.js';

// The peer's integer arithmetic on numbers, against BigInt, including products far above 2^53.
describe('plain TypeScript peer: exact arithmetic on numbers', () => {
  it('splits an amount like BigInt does, below and above 2^53', () => {
    const weights = fc.bigInt({ min: 1n, max: 2n ** 50n - 1n });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), weights, weights, (a, x, y) => {
        const [b, c] = x <= y ? [x, y] : [y, x];
        const q = mulDiv(a, Number(b), Number(c));
        expect([q, mulDivRemainder]).toEqual([Number((BigInt(a) * b) / c), Number((BigInt(a) * b) % c)]);
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds half up like the oracle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 1, max: 1000 }), (n, d) => {
        const big = BigInt(n),
          div = BigInt(d);
        const expected = (big % div) * 2n >= div ? big / div + 1n : big / div;
        expect(roundDiv(n, d)).toBe(Number(expected));
      }),
      { numRuns: 5000 },
    );
  });
});
