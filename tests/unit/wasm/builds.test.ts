import { describe, expect, it } from 'vitest';
import { loadWasmModule, type WasmFlavor } from '../../../src/wasm/source.node.js';
import { WasmInstance, type LadenExports } from '../../../src/wasm/loader.js';
import { WasmTrapError } from '../../../src/wasm/errors.js';

interface HelloExports extends LadenExports {
  sumU32(ptr: number, count: number): bigint;
  failWith(code: number): number;
  add(a: number, b: number): number;
}
interface PricingExports extends LadenExports {
  setCatalog(items: number, products: number): number;
  setRules(promos: number, tiers: number, coupons: number): number;
  prepareCart(lines: number, coupons: number): number;
}

const instance = async <E extends LadenExports>(name: string, flavor: WasmFlavor) =>
  new WasmInstance<E>(name, await loadWasmModule(name, flavor), { log: () => {} });

/** The trap a call ends in, or what it returned. */
function outcome(run: () => unknown): { trap: string } | { value: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    if (!(error instanceof WasmTrapError)) throw error;
    return { trap: error.detail };
  }
}

describe('the debug and release builds', () => {
  it('release builds leave assertions out (noAssert); debug builds keep them', async () => {
    const debug = await instance<HelloExports>('hello', 'debug');
    const release = await instance<HelloExports>('hello', 'release');
    expect(outcome(() => debug.call('failWith', (e) => e.failWith(7)))).toEqual({ trap: 'code must be zero' });
    expect(outcome(() => release.call('failWith', (e) => e.failWith(7)))).toEqual({ value: 7 });
  });

  it.each(['debug', 'release'] as const)(
    'the %s build traps on a read past the end of memory, and the next instance works',
    async (flavor) => {
      const hello = await instance<HelloExports>('hello', flavor);
      const end = hello.memoryBytes;
      for (const [ptr, count] of [
        [end - 2, 1],
        [end, 1],
        [0, end / 4 + 1],
        [-4, 1],
      ] as const) {
        const generation = hello.generation;
        expect(outcome(() => hello.call('sumU32', (e) => e.sumU32(ptr, count)))).toEqual({
          trap: 'memory access out of bounds',
        });
        expect(hello.generation).toBe(generation + 1);
        expect(hello.call('add', (e) => e.add(2, 3))).toBe(5);
      }
    },
  );

  it.each(['debug', 'release'] as const)(
    'the %s pricing build refuses tables larger than memory, even where 32-bit sizes would wrap',
    async (flavor) => {
      const pricing = await instance<PricingExports>('pricing', flavor);
      const outOfMemory = { trap: 'pricing: out of memory' };
      // 2^31 items x 16 bytes wraps to 0 in 32-bit arithmetic: without the check this "fits".
      expect(outcome(() => pricing.call('setCatalog', (e) => e.setCatalog(2 ** 31, 1)))).toEqual(outOfMemory);
      expect(outcome(() => pricing.call('setCatalog', (e) => e.setCatalog(2 ** 29, 2 ** 29)))).toEqual(outOfMemory);
      const ready = () => {
        pricing.call('setCatalog', (e) => e.setCatalog(2, 1));
        pricing.call('setRules', (e) => e.setRules(1, 0, 0));
      };
      ready();
      expect(outcome(() => pricing.call('setRules', (e) => e.setRules(2 ** 28, 0, 0)))).toEqual(outOfMemory);
      ready();
      expect(outcome(() => pricing.call('prepareCart', (e) => e.prepareCart(2 ** 31, 0)))).toEqual(outOfMemory);
      ready();
      expect(outcome(() => pricing.call('prepareCart', (e) => e.prepareCart(3, 1)))).toHaveProperty('value');
    },
  );
});
