import { describe, it } from 'vitest';
import { compare, type Contender } from '../harness.js';
import { generateCatalog } from '../../src/catalog/generate.js';
import { SearchEngine } from '../../src/wasm/search.js';
import { knownItems, scoreKnownItems } from '../../tests/unit/search/known-items.js';
import { flexSearch, miniSearch, orama, rows, type Peer } from './peers.js';

const PRODUCTS = 100_000;
const QUALITY_BUDGET_MS = 60_000;
const PEERS = [
  ['minisearch', miniSearch],
  ['flexsearch', flexSearch],
  ['orama', orama],
] as const;
// SEARCH_BENCH_PEERS=flexsearch (comma-separated) compares with those peers only, for quick
// before/after checks; by default every peer runs, with the same queries and result count.
const chosen = new Set(
  (process.env.SEARCH_BENCH_PEERS ?? PEERS.map(([key]) => key).join(',')).split(',').map((k) => k.trim()),
);

/** Single words, two or three words, prefixes, typos, umlaut variants and queries with no hit. */
function mixedQueries(catalog: ReturnType<typeof generateCatalog>['catalog']): string[] {
  const damaged = knownItems(catalog, 240, 99).map((item) => item.query);
  const single = damaged.slice(0, 60).map((q) => q.split(' ')[0]!);
  const zeroHit = ['qwertzuiop', 'xylophonbogen', 'zzzz', 'blorptang gnarf', 'ÿÿÿÿ', '1234567890', 'kjhgf lkjh', 'wxq'];
  return [...damaged, ...single, ...zeroHit];
}

async function timed<T>(build: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await build();
  return { value, ms: performance.now() - started };
}

describe('search', () => {
  it(`ranks ${PRODUCTS} products against MiniSearch, FlexSearch and Orama`, async () => {
    const { catalog } = generateCatalog(PRODUCTS, 7);
    const data = rows(catalog);
    const ours = await timed(() => SearchEngine.build(catalog));
    const engine = ours.value;
    const oursPeer: Peer = {
      name: 'Laden (WASM)',
      search: (q) => engine.search(q, { limit: 10, highlights: false }).hits.map((h) => h.product.id),
      indexBytes: () => engine.indexBytes,
    };
    const loaded = await timed(() => SearchEngine.load(catalog, engine.image()));
    const builds = [{ peer: oursPeer, ms: ours.ms }];
    for (const [key, make] of PEERS) {
      if (!chosen.has(key)) continue;
      const built = await timed(() => make(data));
      builds.push({ peer: built.value, ms: built.ms });
    }
    console.log(`\n## Index of ${PRODUCTS} products (one build each)`);
    for (const { peer, ms } of builds) {
      const bytes = await peer.indexBytes();
      console.log(
        `${peer.name.padEnd(14)} build ${ms.toFixed(0).padStart(7)} ms   index ${(bytes / 1e6).toFixed(1).padStart(6)} MB`,
      );
    }
    console.log(`Laden: loading the saved image instead of building takes ${loaded.ms.toFixed(0)} ms`);

    // Quality: each engine answers the known-item queries, within a time budget per engine (Orama's
    // fuzzy search over six fields is slow on this many products); the count answered is printed.
    const items = knownItems(catalog, 400, 7);
    console.log(`\n## Known items (${items.length} queries): recall@10 and MRR`);
    for (const { peer } of builds) {
      const answers = new Map<string, string[]>();
      const started = performance.now();
      const answered = [];
      for (const item of items) {
        if (performance.now() - started > QUALITY_BUDGET_MS) break;
        answers.set(item.query, await peer.search(item.query));
        answered.push(item);
      }
      const score = scoreKnownItems(catalog, answered, (q) => answers.get(q) ?? []);
      const note =
        answered.length < items.length ? `   (only ${answered.length} answered in ${QUALITY_BUDGET_MS / 1000} s)` : '';
      console.log(
        `${peer.name.padEnd(14)} recall@10 ${score.recallAt10.toFixed(3)}   MRR ${score.mrr.toFixed(3)}${note}`,
      );
    }

    const queries = mixedQueries(catalog);
    const contender = (peer: Peer, ours = false): Contender => {
      let next = 0;
      return { name: peer.name, ours, run: () => peer.search(queries[next++ % queries.length]!) };
    };
    const laden = builds[0]!.peer;
    const peer = (name: string) => builds.find((b) => b.peer.name === name)?.peer;
    // Ours against each peer in its own interleaved round: a peer's garbage (MiniSearch allocates
    // megabytes per query) would otherwise be collected during whoever runs next.
    const title = `One query of ${queries.length} mixed (top 10 ids), ${PRODUCTS} products`;
    const rounds = queries.length * 2;
    for (const name of ['FlexSearch', 'MiniSearch']) {
      const other = peer(name);
      if (!other) continue;
      await compare(`${title}: ${name}`, [contender(laden, true), contender(other)], {
        rounds,
        warmup: 20,
        budgetMs: 40_000,
      });
    }
    // Orama with its own budget: a single fuzzy query of it can take seconds here.
    const ora = peer('Orama');
    if (ora) {
      await compare(`${title}: Orama`, [contender(laden, true), contender(ora)], {
        rounds: queries.length,
        warmup: 5,
        budgetMs: 45_000,
      });
    }
  });
});
