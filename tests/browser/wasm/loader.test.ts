import { describe, expect, it } from 'vitest';
import { loadWasmModule } from '#wasm-source';
import { WasmInstance, type LadenExports } from '../../../src/wasm/loader.js';
import { WasmTrapError } from '../../../src/wasm/errors.js';

interface HelloExports extends LadenExports {
  add(a: number, b: number): number;
  unreachableTrap(): void;
}

describe('WASM loader in Chromium', () => {
  it('streams the release module, survives a trap and keeps answering', async () => {
    const messages: string[] = [];
    const module = await loadWasmModule('hello');
    const instance = new WasmInstance<HelloExports>('hello', module, { log: (_, m) => messages.push(m) });
    expect(messages).toEqual(['hello from WASM']);
    expect(() => instance.call('unreachableTrap', (e) => e.unreachableTrap())).toThrow(WasmTrapError);
    expect(instance.call('add', (e) => e.add(40, 2))).toBe(42);
  });
});
