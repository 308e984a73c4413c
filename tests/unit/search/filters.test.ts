import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/wasm/search.js';
import { catalog, product } from './fixture.js';

const shop = catalog([
  product('k1', { title: 'Tasse Blau', category: 'kueche', brand: 'Tonwerk', price: 1200, rating: 4.5 }),
  product('k2', { title: 'Tasse Rot', category: 'kueche', brand: 'Glashaus', price: 800, stock: 0, rating: 3.9 }),
  product('k3', { title: 'Tasse Weiß', category: 'kueche', brand: 'Tonwerk', price: 2500, rating: 4.9 }),
  product('g1', { title: 'Tasse mit Motiv', category: 'geschenke', brand: 'Glashaus', price: 1500, rating: 4.1 }),
  product('x1', { title: 'Teller', category: 'kueche', brand: 'Tonwerk', price: 900 }),
]);

const ids = (engine: SearchEngine, options: Parameters<SearchEngine['search']>[1]) =>
  engine.search('tasse', { asYouType: false, ...options }).hits.map((h) => h.product.id);

describe('search: filters, facets and order', () => {
  it('filters by category, brand, price range and stock', async () => {
    const engine = await SearchEngine.build(shop);
    expect(ids(engine, { category: 'geschenke' })).toEqual(['g1']);
    expect(ids(engine, { brand: 'Tonwerk' }).sort()).toEqual(['k1', 'k3']);
    expect(ids(engine, { minPrice: 1000, maxPrice: 1500 }).sort()).toEqual(['g1', 'k1']);
    expect(ids(engine, { inStockOnly: true }).sort()).toEqual(['g1', 'k1', 'k3']);
    expect(ids(engine, { category: 'kueche', brand: 'Glashaus', inStockOnly: true })).toEqual([]);
    expect(ids(engine, { brand: 'Unbekannt' })).toEqual([]);
  });

  it('counts each facet value as choosing it would give, with the other filters applied', async () => {
    const engine = await SearchEngine.build(shop);
    const result = engine.search('tasse', { asYouType: false, brand: 'Tonwerk' });
    expect(result.total).toBe(2);
    // categories are counted within the chosen brand; brands ignore their own filter
    expect(result.facets.categories).toEqual([{ value: 'kueche', count: 2 }]);
    expect(result.facets.brands).toEqual([
      { value: 'Glashaus', count: 2 },
      { value: 'Tonwerk', count: 2 },
    ]);
    expect(result.facets.inStock).toBe(2);
    expect(result.facets.price).toEqual({ min: 1200, max: 2500 });
  });

  it('skips facet counting when facets are not wanted, with the same hits and total', async () => {
    const engine = await SearchEngine.build(shop);
    const counted = engine.search('tasse', { asYouType: false, brand: 'Tonwerk' });
    const bare = engine.search('tasse', { asYouType: false, brand: 'Tonwerk', facets: false });
    expect(bare.hits.map((h) => h.product.id)).toEqual(counted.hits.map((h) => h.product.id));
    expect(bare.total).toBe(counted.total);
    expect(bare.facets).toEqual({ categories: [], brands: [], inStock: 0, price: { min: 0, max: 0 } });
    // the next search with facets counts them again
    expect(engine.search('tasse', { asYouType: false, brand: 'Tonwerk' }).facets).toEqual(counted.facets);
  });

  it('sorts by price both ways and by rating, ties in catalog order', async () => {
    const engine = await SearchEngine.build(shop);
    expect(ids(engine, { sort: 'price-up' })).toEqual(['k2', 'k1', 'g1', 'k3']);
    expect(ids(engine, { sort: 'price-down' })).toEqual(['k3', 'g1', 'k1', 'k2']);
    expect(ids(engine, { sort: 'rating' })).toEqual(['k3', 'k1', 'g1', 'k2']);
  });

  it('pages through results without overlap', async () => {
    const engine = await SearchEngine.build(shop);
    const all = ids(engine, { sort: 'price-up', limit: 10 });
    const pages = [0, 2].flatMap((offset) => ids(engine, { sort: 'price-up', offset, limit: 2 }));
    expect(pages).toEqual(all);
    expect(engine.search('tasse', { offset: 10 }).hits).toEqual([]);
  });
});
