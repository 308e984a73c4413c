import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../src/catalog/generate.js';
import { SearchEngine } from '../../../src/wasm/search.js';
import { knownItems, scoreKnownItems } from './known-items.js';

describe('search: known items from the demo catalog', () => {
  it('finds the product a shopper has in mind, typos, dropped umlauts and half-typed words included', async () => {
    const { catalog } = generateCatalog(3000, 42);
    const engine = await SearchEngine.build(catalog);
    const items = knownItems(catalog, 400, 7);
    const ranked = (query: string) =>
      engine.search(query, { limit: 10, highlights: false }).hits.map((h) => h.product.id);
    const overall = scoreKnownItems(catalog, items, ranked);
    const byKind = Object.fromEntries(
      (['exact', 'typo', 'umlaut', 'prefix'] as const).map((kind) => [
        kind,
        scoreKnownItems(
          catalog,
          items.filter((i) => i.kind === kind),
          ranked,
        ),
      ]),
    );
    console.log('known items', items.length, overall, byKind);
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(overall.recallAt10).toBeGreaterThanOrEqual(0.95);
    expect(overall.mrr).toBeGreaterThanOrEqual(0.9);
    // a build and 400 queries on the debug module: seconds on a machine shared with other work
  }, 60_000);
});
