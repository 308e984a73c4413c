import { describe, expect, it } from 'vitest';
import { SearchService } from '../../../src/services/search.js';
import { SearchEngine } from '../../../src/wasm/search.js';
import { MISSING_INDEX, catalog, indexUrlOf } from './fixtures.js';

const titles = (service: SearchService, query: string) =>
  service.search(query)?.hits.map((h) => h.product.title) ?? ['(not ready)'];

describe('search service in the browser', () => {
  it('loads the shipped index image into linear memory without rebuilding', async () => {
    const image = (await SearchEngine.build(catalog)).image();
    const service = new SearchService(catalog, indexUrlOf(image), () =>
      Promise.reject(new Error('no rebuild expected')),
    );
    await service.ready;
    expect(service.rebuiltBecause).toBeUndefined();
    expect(titles(service, 'rucksack')).toEqual(['Wanderrucksack Alpin 30 L']);
  });

  it('rebuilds in a worker when the index file is missing', async () => {
    const service = new SearchService(catalog, MISSING_INDEX);
    await service.ready;
    // a dev server answers unknown paths with its HTML page, a plain server with 404: refused either way
    expect(service.rebuiltBecause).toMatch(/HTTP 404|not a Laden search index/);
    expect(titles(service, 'kafemuhle')).toEqual(['Kaffeemühle Handmahlwerk']);
  });

  it('says clearly why a corrupt or truncated index was refused, then rebuilds', async () => {
    const image = (await SearchEngine.build(catalog)).image();
    const corrupt = image.slice();
    corrupt[corrupt.length - 5]! ^= 0x55;
    const damaged = new SearchService(catalog, indexUrlOf(corrupt));
    await damaged.ready;
    expect(damaged.rebuiltBecause).toMatch(/checksum/);
    expect(titles(damaged, 'zelt')).toEqual(['Zelt Kuppel 2 Personen']);

    const truncated = new SearchService(catalog, indexUrlOf(image.slice(0, image.length / 2)));
    await truncated.ready;
    expect(truncated.rebuiltBecause).toMatch(/truncated/);
    expect(titles(truncated, 'zelt')).toEqual(['Zelt Kuppel 2 Personen']);
  });

  it('indexes a catalog that changed at run time in a worker', async () => {
    const service = new SearchService(catalog, MISSING_INDEX);
    await service.ready;
    const changed = {
      ...catalog,
      products: [
        ...catalog.products,
        { ...catalog.products[0]!, id: 'grinder', slug: 'grinder', title: 'Gewürzmühle Keramik' },
      ],
    };
    const next = await service.rebuild(changed);
    expect(titles(next, 'gewurzmuhle')).toEqual(['Gewürzmühle Keramik']);
    expect(titles(service, 'gewurzmuhle')).toEqual([]);
  });
});
