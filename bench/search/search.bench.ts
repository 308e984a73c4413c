import { loadavg } from 'node:os';
import { describe, it } from 'vitest';
import { compare, type BenchRow, type Contender } from '../harness.js';
import { SearchEngine } from '../../src/wasm/search.js';
import { scoreKnownItems, type KnownItemScore } from '../../tests/unit/search/known-items.js';
import { flexSearch, miniSearch, orama, rows, type Peer } from './peers.js';
import { corpora, type Corpus } from './corpora.js';

const QUALITY_BUDGET_MS = 60_000;
const PEERS = [
  ['minisearch', miniSearch],
  ['flexsearch', flexSearch],
  ['orama', orama],
] as const;
// SEARCH_BENCH_PEERS=flexsearch (comma-separated) compares with those peers only, for quick
// before/after checks; by default MiniSearch and FlexSearch run (Orama's fuzzy search takes
// seconds a query on these corpora: add it with SEARCH_BENCH_PEERS=minisearch,flexsearch,orama).
const chosen = new Set((process.env.SEARCH_BENCH_PEERS ?? 'minisearch,flexsearch').split(',').map((k) => k.trim()));

async function timed<T>(build: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await build();
  return { value, ms: performance.now() - started };
}

const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

interface Summary {
  corpus: string;
  engine: string;
  quality: KnownItemScore;
  speed?: BenchRow;
}

async function benchCorpus(corpus: Corpus): Promise<Summary[]> {
  const { catalog, items, queries } = corpus;
  const data = rows(catalog);
  const ours = await timed(() => SearchEngine.build(catalog));
  const engine = ours.value;
  const oursPeer: Peer = {
    name: 'Laden (WASM)',
    search: (q) => engine.search(q, { limit: 10, highlights: false, facets: false }).hits.map((h) => h.product.id),
    indexBytes: () => engine.indexBytes,
  };
  const loaded = await timed(() => SearchEngine.load(catalog, engine.image()));
  const builds = [{ peer: oursPeer, ms: ours.ms }];
  for (const [key, make] of PEERS) {
    if (!chosen.has(key)) continue;
    const built = await timed(() => make(data));
    builds.push({ peer: built.value, ms: built.ms });
  }
  console.log(`\n# ${corpus.name}\n\n## Index of ${catalog.products.length} items (one build each, load ${load()})`);
  for (const { peer, ms } of builds) {
    const bytes = await peer.indexBytes();
    console.log(
      `${peer.name.padEnd(14)} build ${ms.toFixed(0).padStart(7)} ms   index ${(bytes / 1e6).toFixed(1).padStart(6)} MB`,
    );
  }
  console.log(`Laden: loading the saved image instead of building takes ${loaded.ms.toFixed(0)} ms`);

  // Quality: each engine answers the known-item queries, within a time budget per engine (Orama's
  // fuzzy search over six fields is slow on this many items); the count answered is printed.
  const summaries: Summary[] = [];
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
    const quality = scoreKnownItems(catalog, answered, (q) => answers.get(q) ?? []);
    const note =
      answered.length < items.length ? `   (only ${answered.length} answered in ${QUALITY_BUDGET_MS / 1000} s)` : '';
    console.log(
      `${peer.name.padEnd(14)} recall@10 ${quality.recallAt10.toFixed(3)}   MRR ${quality.mrr.toFixed(3)}${note}`,
    );
    summaries.push({ corpus: corpus.name, engine: peer.name, quality });
  }

  const contender = (peer: Peer, ours = false): Contender => {
    let next = 0;
    return { name: peer.name, ours, run: () => peer.search(queries[next++ % queries.length]!) };
  };
  const laden = builds[0]!.peer;
  const peer = (name: string) => builds.find((b) => b.peer.name === name)?.peer;
  // Ours against each peer in its own interleaved round: a peer's garbage (MiniSearch allocates
  // megabytes per query) would otherwise be collected during whoever runs next.
  const title = `One query of ${queries.length} mixed (top 10 ids), ${corpus.name}`;
  const rounds = queries.length * 2;
  for (const name of ['FlexSearch', 'MiniSearch', 'Orama']) {
    const other = peer(name);
    if (!other) continue;
    const orama = name === 'Orama'; // a single fuzzy query of it can take seconds here
    console.log(`(load ${load()})`);
    const [us, them] = await compare(`${title}: ${name}`, [contender(laden, true), contender(other)], {
      rounds: orama ? queries.length : rounds,
      warmup: orama ? 5 : 20,
      budgetMs: orama ? 45_000 : 40_000,
    });
    const ourSummary = summaries[0]!;
    if (!ourSummary.speed || us!.p99Ms < ourSummary.speed.p99Ms) ourSummary.speed = us;
    const theirs = summaries.find((s) => s.engine === name);
    if (theirs) theirs.speed = { ...them!, ratio: them!.medianMs / us!.medianMs };
  }
  return summaries;
}

describe('search', () => {
  it('ranks the generated catalog and Debian package descriptions against MiniSearch and FlexSearch', async () => {
    const all: Summary[] = [];
    for (const corpus of corpora()) all.push(...(await benchCorpus(corpus)));
    // Both corpora side by side. Our timing row is the better of our interleaved rounds (each
    // peer round times us too); "vs ours" is the peer's median over ours in the same round.
    console.log(`\n## Summary: mixed query set, top 10 (load ${load()})`);
    const header = ['corpus', 'engine', 'median ms', 'p99 ms', 'vs ours', 'recall@10', 'MRR'];
    const body = all.map((s) => [
      s.corpus,
      s.engine,
      s.speed ? s.speed.medianMs.toFixed(4) : '-',
      s.speed ? s.speed.p99Ms.toFixed(4) : '-',
      s.speed ? `${s.speed.ratio.toFixed(2)}x` : '-',
      s.quality.recallAt10.toFixed(3),
      s.quality.mrr.toFixed(3),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of body) console.log(line(row));
    // two corpora, each with peers that take minutes to build on a busy machine
  }, 1_800_000);
});
