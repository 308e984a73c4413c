import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDb } from './support.js';
import { closeDatabase } from '../../../src/storage/db.js';
import { loadKnownStock, saveKnownStock } from '../../../src/storage/stock-store.js';

describe('the known stock store', () => {
  beforeEach(freshIndexedDb);
  afterEach(closeDatabase);

  it('knows nothing at first, then the levels it was given with their time', async () => {
    expect(await loadKnownStock()).toBeUndefined();
    await saveKnownStock({ stock: { p00001: 3, 'p00002/v1': 0 }, fetchedAt: 1000 });
    expect(await loadKnownStock()).toEqual({ stock: { p00001: 3, 'p00002/v1': 0 }, fetchedAt: 1000 });
  });

  it('keeps the newer levels when an older answer arrives late', async () => {
    await saveKnownStock({ stock: { p00001: 1 }, fetchedAt: 2000 });
    await saveKnownStock({ stock: { p00001: 9 }, fetchedAt: 1000 });
    expect(await loadKnownStock()).toEqual({ stock: { p00001: 1 }, fetchedAt: 2000 });
    await saveKnownStock({ stock: { p00001: 0 }, fetchedAt: 3000 });
    expect((await loadKnownStock())?.stock).toEqual({ p00001: 0 });
  });
});
