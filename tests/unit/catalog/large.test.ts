import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../src/catalog/generate.js';
import { SLUG_PATTERN } from '../../../src/catalog/slug.js';

describe('a catalog of 100,000 products for the search benchmark', () => {
  it('has 100,000 unique ids and unique, well-formed slugs', () => {
    const { products } = generateCatalog(100_000, 7).catalog;
    expect(products).toHaveLength(100_000);
    expect(new Set(products.map((p) => p.id)).size).toBe(100_000);
    const slugs = new Set(products.map((p) => p.slug));
    expect(slugs.size).toBe(100_000);
    expect([...slugs].filter((slug) => !SLUG_PATTERN.test(slug))).toEqual([]);
    expect(products.at(-1)?.id).toBe('p100000');
  }, 30_000);
});
