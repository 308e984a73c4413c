import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../src/catalog/generate.js';
import { SearchEngine } from '../../../src/wasm/search.js';
import { instanceOwnedBy } from '../../../src/wasm/loader.js';
import { readResult } from '../../../src/wasm/search-decode.js';
import { FacetKeys } from '../../../src/wasm/search-documents.js';
import { ANY, MODE, type SearchExports } from '../../../src/wasm/search-layout.js';
import { knownItems } from './known-items.js';
import { catalog as fixture, product } from './fixture.js';

// The work counters of assembly/search/stats.ts that tell how much of the postings was read.
const WORK_POSTINGS = 2;
const WORK_IMPACTS = 5;

interface Variant {
  mode: number;
  category?: number;
  brand?: number;
  priceMin?: number;
  priceMax?: number;
  inStockOnly?: boolean;
  offset?: number;
  limit?: number;
}

const VARIANTS: Variant[] = [
  { mode: MODE.asYouType | MODE.noFacets, limit: 10 },
  { mode: MODE.asYouType, limit: 10 },
  { mode: 0, limit: 1 },
  { mode: MODE.asYouType, offset: 7, limit: 5 },
  { mode: MODE.noFacets, inStockOnly: true, limit: 10 },
  { mode: MODE.asYouType, category: 2, limit: 10 },
  { mode: MODE.asYouType | MODE.noFacets, brand: 3, limit: 10 },
  { mode: MODE.asYouType, priceMin: 1_000, priceMax: 5_000, limit: 20 },
];

type Catalog = ReturnType<typeof generateCatalog>['catalog'];

/** Runs raw searches on an engine's instance, pruned or scoring every match. */
function runner(engine: SearchEngine, keys: FacetKeys) {
  const wasm = instanceOwnedBy<SearchExports>(engine);
  return (query: string, v: Variant, exhaustive: boolean) => {
    const input = new Uint16Array(wasm.exports.memory.buffer, wasm.exports.inputPointer(), query.length);
    for (let i = 0; i < query.length; i++) input[i] = query.charCodeAt(i);
    const count = wasm.exports.search(
      query.length,
      v.mode | (exhaustive ? MODE.exhaustive : 0),
      v.category ?? ANY,
      v.brand ?? ANY,
      v.priceMin ?? 0,
      v.priceMax ?? 0xffff_ffff,
      v.inStockOnly ? 1 : 0,
      0,
      v.offset ?? 0,
      v.limit ?? 10,
    );
    return { result: readResult(wasm, count, keys, (v.mode & MODE.noFacets) === 0), read: wasm.exports.work };
  };
}

/** Known items, title words, pairs of them and prefixes: common and rare words, one to three of them. */
function queriesOf(catalog: Catalog): string[] {
  const titles = catalog.products.slice(0, 400).map((p) => p.title.toLowerCase());
  const words = [...new Set(titles.flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 2))];
  return [
    ...knownItems(catalog, 200, 5).map((item) => item.query),
    ...words.slice(0, 120),
    ...words.slice(0, 60).map((w, i) => `${w} ${words[(i * 7 + 3) % words.length]}`),
    ...words.slice(0, 40).map((w) => w.slice(0, 3)),
    'schwarz',
    'schwarz kaffee',
    'buch tee licht',
  ];
}

/**
 * Pruning (assembly/search/prune.ts) scores only the documents that can still make the top k; the
 * engine's exhaustive mode scores every match. Both must give the same hits with the same scores,
 * totals and facet counts: a dropped or reordered hit fails the comparison.
 */
describe('search: top-k with pruning', () => {
  it('gives the same hits, scores, totals and facet counts as scoring every match', async () => {
    const { catalog } = generateCatalog(8000, 11);
    const engine = await SearchEngine.build(catalog);
    const run = runner(engine, new FacetKeys(catalog));
    let compared = 0;
    for (const query of queriesOf(catalog)) {
      for (const v of VARIANTS) {
        const pruned = run(query, v, false).result;
        const full = run(query, v, true).result;
        expect(pruned, `${query} ${JSON.stringify(v)}`).toEqual(full);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3000);

    // and it does prune: a word in many titles has its top 10 from a small part of its postings
    const common = run('schwarz', VARIANTS[0]!, true);
    const postings = common.read(WORK_POSTINGS);
    expect(common.result.total).toBeGreaterThan(500);
    const pruned = run('schwarz', VARIANTS[0]!, false);
    expect(pruned.read(WORK_IMPACTS)).toBeLessThan(postings / 4);
    // two builds' worth of queries on the debug module
  }, 120_000);

  // The image does not carry the impact-ordered postings: a fresh engine derives them when it loads
  // the file, and must prune and score exactly as the engine that built it.
  it('prunes a saved and loaded index file as the engine that built it', async () => {
    const { catalog } = generateCatalog(8000, 11);
    const built = await SearchEngine.build(catalog);
    const loaded = await SearchEngine.load(catalog, built.image());
    const keys = new FacetKeys(catalog);
    const runBuilt = runner(built, keys);
    const runLoaded = runner(loaded, keys);
    let compared = 0;
    for (const query of queriesOf(catalog)) {
      for (const v of VARIANTS) {
        const pruned = runLoaded(query, v, false).result;
        expect(pruned, `${query} ${JSON.stringify(v)}`).toEqual(runLoaded(query, v, true).result);
        expect(pruned, `${query} ${JSON.stringify(v)} (built)`).toEqual(runBuilt(query, v, false).result);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3000);
    const common = runLoaded('schwarz', VARIANTS[0]!, true);
    const pruned = runLoaded('schwarz', VARIANTS[0]!, false);
    expect(pruned.read(WORK_IMPACTS)).toBeGreaterThan(0);
    expect(pruned.read(WORK_IMPACTS)).toBeLessThan(common.read(WORK_POSTINGS) / 4);
  }, 120_000);

  it('does not cut off a document with fewer typos behind better-scored ones with more', async () => {
    // "lanpe" and "fisch" are one typo from "lampe" and "tisch": the decoys match both words only
    // through typos, in their titles; the target matches "lampe" as typed, in its tags
    const decoys = Array.from({ length: 6 }, (_, i) => product(`d${i}`, { title: `Lanpe Fisch ${i}` }));
    const target = product('target', {
      title: 'Artikel',
      tags: ['lampe', 'fisch', ...Array.from({ length: 12 }, (_, i) => `merkmal${i}`)],
    });
    // others make both words rare, so the decoys' title matches outscore the target's tags;
    // "tisch" as typed stands in one product's tags only, so no product has both words as typed and
    // the query is retried with typos, where the target owes one typo and the decoys two
    const others = Array.from({ length: 60 }, (_, i) => product(`o${i}`, { title: `Sonstiges ${i}` }));
    others.push(
      product('ablage', { title: 'Ablage', tags: ['tisch', 'sonst', 'nichts', 'hier', 'lange', 'beschrieben'] }),
    );
    const engine = await SearchEngine.build(fixture([...decoys, target, ...others]));
    const hits = engine.search('lampe tisch', { limit: 1, highlights: false, facets: false }).hits;
    expect(hits.map((h) => h.product.id)).toEqual(['target']);
  });
});
