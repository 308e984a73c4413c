import { describe, expect, it, vi } from 'vitest';
import { loadWasmModule } from '#wasm-source';
import { WasmInstance, type LadenExports } from '../../../src/wasm/loader.js';
import { WasmInputError, WasmTrapError } from '../../../src/wasm/errors.js';
import { checkI64, checkU32 } from '../../../src/wasm/checks.js';

interface HelloExports extends LadenExports {
  add(a: number, b: number): number;
  sumU32(ptr: number, count: number): bigint;
  grow(pages: number): number;
  failWith(code: number): number;
  unreachableTrap(): void;
  INPUT_OFFSET: WebAssembly.Global;
}

async function hello(log = vi.fn()) {
  const instance = new WasmInstance<HelloExports>('hello', await loadWasmModule('hello'), { log });
  return { instance, log };
}

describe('WASM loader', () => {
  it('says hello through the host log import at start-up', async () => {
    const { log } = await hello();
    expect(log).toHaveBeenCalledWith('hello', 'hello from WASM');
  });

  it('reads what the host wrote into linear memory', async () => {
    const { instance } = await hello();
    const offset = instance.exports.INPUT_OFFSET.value as number;
    instance.u32(offset, 3).set([1, 2, 0xffff_ffff]);
    expect(instance.call('sumU32', (e) => e.sumU32(offset, 3))).toBe(4294967298n);
  });

  it('gives fresh views after memory grows', async () => {
    const { instance } = await hello();
    const before = instance.u8();
    instance.call('grow', (e) => e.grow(1));
    expect(before.byteLength).toBe(0); // the old buffer is detached
    expect(instance.u8().byteLength).toBe(instance.memoryBytes);
  });

  it('turns an abort into a typed error with the source position, then works again', async () => {
    const { instance } = await hello();
    const generation = instance.generation;
    let caught: unknown;
    try {
      instance.call('failWith', (e) => e.failWith(7));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WasmTrapError);
    expect((caught as WasmTrapError).message).toContain('code must be zero');
    expect((caught as WasmTrapError).sourcePosition).toMatch(/assembly\/hello\/index\.ts:\d+:\d+/);
    expect(instance.generation).toBe(generation + 1);
    expect(instance.call('add', (e) => e.add(2, 3))).toBe(5);
  });

  it('turns an unreachable trap into a typed error', async () => {
    const { instance } = await hello();
    expect(() => instance.call('unreachableTrap', (e) => e.unreachableTrap())).toThrow(WasmTrapError);
    expect(instance.call('add', (e) => e.add(1, 1))).toBe(2);
  });
});

describe('boundary checks', () => {
  it('refuses what WebAssembly would silently coerce', () => {
    expect(() => checkU32('quantity', Number.NaN)).toThrow(WasmInputError);
    expect(() => checkU32('quantity', 2 ** 32 + 1)).toThrow(/4294967295/);
    expect(() => checkU32('quantity', -1)).toThrow(WasmInputError);
    expect(() => checkU32('quantity', 1.5)).toThrow(WasmInputError);
    expect(checkU32('quantity', 2 ** 32 - 1)).toBe(2 ** 32 - 1);
    expect(() => checkI64('price', 2 ** 53)).toThrow(WasmInputError);
    expect(checkI64('price', -5)).toBe(-5n);
  });
});
