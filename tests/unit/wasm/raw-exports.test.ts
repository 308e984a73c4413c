import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultFlavor, loadWasmModule, wasmPath } from '../../../src/wasm/source.node.js';
import { WasmInstance, instanceOwnedBy, type LadenExports } from '../../../src/wasm/loader.js';
import { WasmTrapError } from '../../../src/wasm/errors.js';
import { PricingEngine } from '../../../src/wasm/pricing.js';
import { SearchEngine } from '../../../src/wasm/search.js';
import { Thumbnailer } from '../../../src/wasm/thumbnail.js';
import { AT, cartOf, catalogOf, rulesOf } from '../pricing/fixtures.js';
import { catalog, product } from '../search/fixture.js';
import { noise } from '../thumbnail/synthetic.js';
import { exportedFunctions, type ValueType } from './signatures.js';

/**
 * Every export of every module, called directly (not through the facade that checks its inputs
 * first) with random and extreme arguments. Whatever happens inside, the host sees a value or a
 * WasmTrapError; after a trap the instance is a new one, and the facade that owns it still gives
 * the same answers as before. Runs on the debug builds (unit) and on the shipped release builds
 * (unit-release).
 */
interface Subject {
  wasm: WasmInstance<LadenExports>;
  /** What the module's facade answers for a fixed request: must not change after any trap. */
  answer(): unknown;
}

const subjects: Record<string, () => Promise<Subject>> = {
  async hello() {
    const wasm = new WasmInstance('hello', await loadWasmModule('hello'), { log: () => {} });
    const exports = wasm.exports as unknown as { add(a: number, b: number): number };
    return { wasm, answer: () => wasm.call('add', () => exports.add(2, 3)) };
  },
  async pricing() {
    const engine = new PricingEngine(
      await loadWasmModule('pricing'),
      catalogOf([
        { id: 'p1', price: 1999 },
        { id: 'p2', price: 450, vatClass: 'reduced' },
      ]),
      rulesOf({ promotions: [{ id: 'zehn', label: '10 %', type: 'percentage', percent: 10 }] }),
      { log: () => {} },
    );
    const cart = cartOf([
      { productId: 'p1', quantity: 3 },
      { productId: 'p2', quantity: 1 },
    ]);
    return { wasm: instanceOwnedBy(engine), answer: () => engine.quote(cart, AT) };
  },
  async search() {
    const engine = await SearchEngine.build(
      catalog([product('a', { title: 'Kaffeemühle Holz' }), product('b', { title: 'Wanderrucksack 30 l' })]),
      { log: () => {} },
    );
    return {
      wasm: instanceOwnedBy(engine),
      answer: () => engine.search('kaffe').hits.map((h) => h.product.id),
    };
  },
  async thumbnail() {
    const engine = await Thumbnailer.load({ log: () => {} });
    const image = noise(23, 17, 5);
    return {
      wasm: instanceOwnedBy(engine),
      answer: () => Array.from(engine.resize(image, { width: 8, height: 8, fit: 'contain' }).data),
    };
  },
};

function argument(type: ValueType, memoryBytes: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'i32':
      return fc.oneof(
        fc.constantFrom(0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 32 - 1, memoryBytes, memoryBytes - 1, memoryBytes + 4),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.nat({ max: memoryBytes }),
        fc.nat({ max: 4096 }),
      );
    case 'i64':
      return fc.oneof(
        fc.constantFrom(0n, -1n, 2n ** 63n - 1n, -(2n ** 63n)),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      );
    case 'f32':
    case 'f64':
      return fc.oneof(fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 5e-324), fc.double());
    default:
      throw new Error(`no arguments of type ${type} can come from JavaScript`);
  }
}

const flavor = defaultFlavor();

describe.each(Object.keys(subjects))(`raw exports of the %s module (${flavor} build)`, (name) => {
  const functions = exportedFunctions(readFileSync(wasmPath(name, flavor)));

  it('exports only functions JavaScript can call', () => {
    expect(functions.length).toBeGreaterThan(0);
    for (const f of functions) expect([...f.params, ...f.results], f.name).not.toContain('v128');
  });

  it.each(functions.map((f) => [f.name, f] as const))(
    '%s: a value or a typed trap, then a working instance',
    async (_, f) => {
      const subject = await subjects[name]!();
      const expected = JSON.stringify(subject.answer());
      fc.assert(
        fc.property(fc.tuple(...f.params.map((type) => argument(type, subject.wasm.memoryBytes))), (args) => {
          const generation = subject.wasm.generation;
          try {
            subject.wasm.call(f.name, (exports) => (exports[f.name] as (...a: unknown[]) => unknown)(...args));
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(WasmTrapError);
            expect((error as WasmTrapError).moduleName).toBe(name);
            expect(subject.wasm.generation).toBe(generation + 1);
            expect(JSON.stringify(subject.answer())).toBe(expected);
          }
        }),
        { numRuns: f.params.length === 0 ? 5 : 100 },
      );
      // Traps or not, a fresh facade over a fresh instance still agrees with the first answer.
      expect(JSON.stringify((await subjects[name]!()).answer())).toBe(expected);
    },
    60_000,
  );
});
