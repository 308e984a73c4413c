import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import type { Catalog } from '../../../src/domain/catalog.js';
import { toCard } from '../../../src/domain/listing-format.js';
import { BUILT_CATALOG } from '../../../src/services/catalog-version.js';
import { ListingStore } from '../../../src/services/listing-store.js';
import { listingSource } from '../../../src/services/search-cards.js';
import { SearchService } from '../../../src/services/search.js';
import { LISTING_DB } from '../../../src/storage/listing-db.js';

/** An address where nothing answers: the device must answer itself. */
const NO_SERVER = 'http://127.0.0.1:9/api/search';
/** The demo shop as built into public/data/: its listing, index and (to compare with) catalog. */
const catalog = (await (await fetch('/data/catalog.json')).json()) as Catalog;
const cardOf = (id: string) => toCard(catalog.products.find((p) => p.id === id)!);

describe('device search hits with cards from the shipped listing', () => {
  beforeEach(async () => {
    await deleteDB(LISTING_DB);
  });

  it('answers with the listing’s cards, leaving out hits whose shard is not on the device yet', async () => {
    const listing = await ListingStore.open(BUILT_CATALOG.listing);
    const service = new SearchService(listingSource(listing, BUILT_CATALOG), { serverUrl: NO_SERVER });
    await service.ready;
    expect(service.rebuiltBecause).toBeUndefined();

    // Nothing of the listing is stored and the server is gone: only cards at hand (the home page's).
    const early = await service.search('kaffee', { limit: 10 });
    expect(early.from).toBe('device');
    for (const hit of early.hits) expect(listing.homeCards.map((c) => c.id)).toContain(hit.card.id);

    await listing.sync();
    const answer = await service.search('kaffee', { limit: 10 });
    expect(answer.hits.length).toBeGreaterThan(early.hits.length);
    expect(answer.hits.length).toBe(Math.min(answer.total, 10));
    for (const hit of answer.hits) expect(hit.card).toEqual(cardOf(hit.card.id));
    expect(service.categoryName(catalog.categories[0]!.id)).toBe(catalog.categories[0]!.name);
    service.dispose();
  });
});
