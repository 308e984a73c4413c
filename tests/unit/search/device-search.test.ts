import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/wasm/search.js';
import { DeviceSearch } from '../../../src/workers/device-search.js';
import { catalog, product } from './fixture.js';

const shop = catalog([
  product('rucksack', { title: 'Wanderrucksack Alpin', brand: 'Bergfreund', category: 'outdoor' }),
  product('zelt', { title: 'Zelt Kuppel', brand: 'Bergfreund', category: 'outdoor', stock: 0 }),
  product('muehle', { title: 'Kaffeemühle Handmahlwerk', brand: 'Mühlenwerk', category: 'kueche' }),
]);

describe('the device search (what the worker runs)', () => {
  it('searches from the index file alone: ids, highlights and facets as the catalog engine gives them', async () => {
    const engine = await SearchEngine.build(shop);
    const device = await DeviceSearch.open(engine.image());
    expect(device.documents).toBe(3);
    for (const query of ['rucksack', 'bergfreund', 'kafemuhle', 'outdoor']) {
      const expected = engine.search(query);
      const got = device.search(query, {});
      expect(got.hits.map((h) => h.id)).toEqual(expected.hits.map((h) => h.product.id));
      expect(got.hits.map((h) => h.highlights)).toEqual(expected.hits.map((h) => h.highlights));
      expect(got.facets).toEqual(expected.facets);
      expect(got.total).toBe(expected.total);
    }
    expect(device.search('bergfreund', { brand: 'Bergfreund', inStockOnly: true }).hits.map((h) => h.id)).toEqual([
      'rucksack',
    ]);
    expect(device.search('rucksack', {}).hits[0]!.highlights.title).toEqual([[0, 14]]);
  });

  it('refuses a damaged file with a clear error', async () => {
    const file = (await SearchEngine.build(shop)).image();
    const broken = file.slice();
    broken[30]! ^= 0x20; // inside the document table
    await expect(DeviceSearch.open(broken)).rejects.toThrow(/checksum/);
  });
});
