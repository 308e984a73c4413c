import { describe, expect, it } from 'vitest';
import { instanceOwnedBy } from '../../../src/wasm/loader.js';
import { SearchEngine, SearchIndexError } from '../../../src/wasm/search.js';
import type { SearchExports } from '../../../src/wasm/search-layout.js';
import { catalog, product } from './fixture.js';

const shop = catalog([
  product('a', { title: 'Kaffeemühle Holz', category: 'kueche' }),
  product('b', { title: 'Wanderrucksack 30 l', category: 'outdoor' }),
  product('c', { title: 'Rucksack Stadt', category: 'outdoor', price: 4500 }),
]);

const answers = (engine: SearchEngine) =>
  ['rucksack', 'kafemuhle', 'wand', ''].map((q) => engine.search(q, { category: 'outdoor' }));

describe('search index image', () => {
  it('loads a saved image and answers exactly as the engine that built it', async () => {
    const built = await SearchEngine.build(shop);
    const loaded = await SearchEngine.load(shop, built.image());
    expect(loaded.indexBytes).toBe(built.indexBytes);
    expect(answers(loaded)).toEqual(answers(built));
  });

  it('is the same bytes every time it is built from the same catalog', async () => {
    const one = await SearchEngine.build(shop);
    const two = await SearchEngine.build(shop);
    expect(one.image()).toEqual(two.image());
  });

  it.each([
    ['a truncated file', (b: Uint8Array) => b.slice(0, b.length - 7), /length does not match/],
    ['a header only', (b: Uint8Array) => b.slice(0, 40), /shorter than its header/],
    ['an empty file', () => new Uint8Array(0), /shorter than its header/],
    ['a flipped byte', (b: Uint8Array) => flip(b, b.length - 100), /checksum/],
    ['another format', (b: Uint8Array) => flip(b, 0), /not a Laden search index/],
    ['another version', (b: Uint8Array) => flip(b, 4), /another version/],
  ])('refuses %s with a clear error', async (_, damage, message) => {
    const built = await SearchEngine.build(shop);
    const load = SearchEngine.load(shop, damage(built.image()));
    await expect(load).rejects.toThrow(SearchIndexError);
    await expect(SearchEngine.load(shop, damage(built.image()))).rejects.toThrow(message);
  });

  it('copies its index back in after the module trapped and was started afresh', async () => {
    const engine = await SearchEngine.build(shop);
    const before = engine.search('rucksack');
    // any trap re-instantiates the module with empty memory
    expect(() =>
      instanceOwnedBy(engine).call('a failing call', () => {
        throw new WebAssembly.RuntimeError('unreachable');
      }),
    ).toThrow(/failed in a failing call/);
    expect(instanceOwnedBy<SearchExports>(engine).exports.documentCount()).toBe(0);
    expect(engine.search('rucksack')).toEqual(before);
  });

  it('refuses an image of another catalog', async () => {
    const built = await SearchEngine.build(shop);
    const changed = catalog([...shop.products.slice(0, 2), product('c', { title: 'Rucksack Land' })]);
    await expect(SearchEngine.load(changed, built.image())).rejects.toThrow(/different catalog/);
  });
});

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}
