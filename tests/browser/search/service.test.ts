import { describe, expect, it } from 'vitest';
import { OFFLINE_MESSAGE, SearchService, SearchUnavailable } from '../../../src/services/search.js';
import { SearchEngine } from '../../../src/wasm/search.js';
import { MISSING_INDEX, catalog, indexUrlOf, sourceOf } from './fixtures.js';

/** An address where nothing answers: what a device without network meets. */
const UNREACHABLE = 'http://127.0.0.1:9';

const titles = async (service: SearchService, query: string) =>
  (await service.search(query)).hits.map((h) => h.card.title);

describe('search service in the browser', () => {
  it('loads the shipped index file in its worker, without rebuilding, and answers there', async () => {
    const file = (await SearchEngine.build(catalog)).image();
    const service = new SearchService(sourceOf(indexUrlOf(file)));
    await service.ready;
    expect(service.isReady).toBe(true);
    expect(service.rebuiltBecause).toBeUndefined();
    expect(service.figures).toMatchObject({ documents: catalog.products.length, fileBytes: file.byteLength });
    const answer = await service.search('rucksack');
    expect(answer.from).toBe('device');
    expect(answer.hits.map((h) => [h.card.title, h.highlights.title])).toEqual([
      ['Wanderrucksack Alpin 30 L', [[0, 14]]],
    ]);
    service.dispose();
  });

  it('rebuilds in its worker when the index file is missing', async () => {
    const service = new SearchService(sourceOf(MISSING_INDEX));
    await service.ready;
    // a dev server answers unknown paths with its HTML page, a plain server with 404: refused either way
    expect(service.rebuiltBecause).toMatch(/HTTP 404|not a Laden search index/);
    expect(await titles(service, 'kafemuhle')).toEqual(['Kaffeemühle Handmahlwerk']);
    service.dispose();
  });

  it('says clearly why a corrupt or truncated index was refused, then rebuilds', async () => {
    const file = (await SearchEngine.build(catalog)).image();
    const corrupt = file.slice();
    corrupt[corrupt.length - 5]! ^= 0x55;
    const damaged = new SearchService(sourceOf(indexUrlOf(corrupt)));
    await damaged.ready;
    expect(damaged.rebuiltBecause).toMatch(/checksum/);
    expect(await titles(damaged, 'zelt')).toEqual(['Zelt Kuppel 2 Personen']);

    const truncated = new SearchService(sourceOf(indexUrlOf(file.slice(0, file.length / 2))));
    await truncated.ready;
    expect(truncated.rebuiltBecause).toMatch(/truncated/);
    expect(await titles(truncated, 'zelt')).toEqual(['Zelt Kuppel 2 Personen']);
    damaged.dispose();
    truncated.dispose();
  });

  it('says search works offline only once the index arrived, when neither it nor the server can be reached', async () => {
    const service = new SearchService(sourceOf(`${UNREACHABLE}/data/search-index.bin`), {
      serverUrl: `${UNREACHABLE}/api/search`,
    });
    const failure = await service.search('zelt').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SearchUnavailable);
    expect((failure as Error).message).toBe(OFFLINE_MESSAGE);
    expect(service.error).toBe(OFFLINE_MESSAGE);
    expect(service.isReady).toBe(false);
  });

  it('answers from the device while the server cannot be reached, once the index is loaded', async () => {
    const file = (await SearchEngine.build(catalog)).image();
    const service = new SearchService(sourceOf(indexUrlOf(file)), { serverUrl: `${UNREACHABLE}/api/search` });
    const answer = await service.search('zelt');
    expect(answer.from).toBe('device');
    expect(answer.hits.map((h) => h.card.id)).toEqual(['zelt']);
    service.dispose();
  });
});
