import { describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../../src/server/static.js';

describe('caching of the shipped listing', () => {
  it('keeps the files in a catalog-named folder forever and revalidates the manifest', () => {
    expect(cacheControlFor('/data/shop/478ba75a77a55281/cards/00-0000.json')).toContain('immutable');
    expect(cacheControlFor('/data/shop/478ba75a77a55281/details/3.json')).toContain('immutable');
    expect(cacheControlFor('/data/shop/manifest.json')).toBe('no-cache');
    expect(cacheControlFor('/data/shop/not-a-checksum/cards/00-0000.json')).toBe('no-cache');
  });
});
