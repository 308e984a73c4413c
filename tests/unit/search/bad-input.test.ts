import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SearchEngine } from '../../../src/wasm/search.js';
import { WasmInputError } from '../../../src/wasm/errors.js';
import { catalog, product } from './fixture.js';

const shop = catalog([
  product('a', { title: 'Kaffeemühle Holz', description: 'Mahlt fein 😀 und grob.' }),
  product('b', { title: 'Wanderrucksack 30 l' }),
]);

describe('search: bad input', () => {
  it.each([
    ['empty', ''],
    ['only spaces', '   \t\n'],
    ['only punctuation', '?!.,;:-–„“()[]{}'],
    ['emoji', '😀🎉👍🏽'],
    ['control characters', '\u0000\u0001\u0007\u001b[31m\u007f'],
    ['a lone surrogate', '\ud800'],
    ['10,000 characters', 'kaffee'.repeat(1700).slice(0, 10_000)],
    ['10,000 characters without spaces', 'x'.repeat(10_000)],
    ['60 words', Array.from({ length: 60 }, (_, i) => `wort${i}`).join(' ')],
  ])('answers %s without failing', async (_, query) => {
    const engine = await SearchEngine.build(shop);
    const result = engine.search(query);
    expect(result.query).toBe(query);
    expect(result.hits.length).toBeLessThanOrEqual(2);
    // and the engine still works afterwards
    expect(engine.search('rucksack').hits.map((h) => h.product.id)).toEqual(['b']);
  });

  it('finds words next to emoji and control characters', async () => {
    const engine = await SearchEngine.build(shop);
    expect(engine.search('😀kaffeemühle\u0000').hits.map((h) => h.product.id)).toEqual(['a']);
  });

  it('refuses impossible options before they reach the engine', async () => {
    const engine = await SearchEngine.build(shop);
    expect(() => engine.search('x', { limit: -1 })).toThrow(WasmInputError);
    expect(() => engine.search('x', { limit: 5000 })).toThrow(WasmInputError);
    expect(() => engine.search('x', { minPrice: Number.NaN })).toThrow(WasmInputError);
    expect(() => engine.search('x', { offset: 1.5 })).toThrow(WasmInputError);
  });

  // 1,500 searches take about a second alone and over five on a loaded machine: no 5 s default here.
  it('never traps on any string (property test)', { timeout: 60_000 }, async () => {
    const engine = await SearchEngine.build(shop);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.boolean(), (query, asYouType) => {
        const result = engine.search(query, { asYouType });
        return result.hits.length <= 2 && result.total <= 2;
      }),
      { numRuns: 1500 },
    );
  });

  it('indexes products with empty, huge and strange text', async () => {
    const engine = await SearchEngine.build(
      catalog([
        product('empty', { title: '', brand: '', description: '' }),
        product('huge', { title: 'Riesig', description: 'wort '.repeat(100_000) }),
        product('odd', { title: '\u0000😀\u200b Tasse\ufeff' }),
      ]),
    );
    expect(engine.search('tasse').hits.map((h) => h.product.id)).toEqual(['odd']);
    expect(engine.search('riesig').hits.map((h) => h.product.id)).toEqual(['huge']);
  });
});
