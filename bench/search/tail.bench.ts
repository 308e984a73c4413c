import { loadavg } from 'node:os';
import { describe, it } from 'vitest';
import { SearchEngine } from '../../src/wasm/search.js';
import { instanceOwnedBy } from '../../src/wasm/loader.js';
import { MODE, type SearchExports } from '../../src/wasm/search-layout.js';
import { corpora } from './corpora.js';

// The work counters of assembly/search/stats.ts, in their order.
const WORK = ['walk rows', 'terms', 'postings', 'candidates', 'passes', 'impacts', 'lookups'] as const;
const REPEATS = 7;

interface Timing {
  query: string;
  /** Fastest of REPEATS, so a busy moment on the machine does not count. */
  ms: number;
  wasmMs: number;
  work: number[];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Where the tail comes from: every query of the mixed set timed alone (the fastest of a few runs,
 * the WASM call apart from the facade around it), with the engine's work counters; prints the
 * median, p99 and the slowest ten with their breakdown.
 */
describe('search tail', () => {
  it('times every query of the mixed set and shows the slowest with a breakdown', async () => {
    for (const corpus of corpora()) {
      const engine = await SearchEngine.build(corpus.catalog);
      const wasm = instanceOwnedBy<SearchExports>(engine);
      const options = { limit: 10, highlights: false, facets: false } as const;
      for (const q of corpus.queries.slice(0, 50)) engine.search(q, options);
      const timings: Timing[] = corpus.queries.map((query) => ({ query, ms: Infinity, wasmMs: Infinity, work: [] }));
      for (let r = 0; r < REPEATS; r++) {
        for (const t of timings) {
          const t0 = performance.now();
          engine.search(t.query, options);
          t.ms = Math.min(t.ms, performance.now() - t0);
        }
        // the WASM call alone, in the same order (the facade's decoding and object building apart)
        for (const t of timings) {
          const input = new Uint16Array(wasm.exports.memory.buffer, wasm.exports.inputPointer(), t.query.length);
          for (let i = 0; i < t.query.length; i++) input[i] = t.query.charCodeAt(i);
          const t0 = performance.now();
          wasm.exports.search(
            t.query.length,
            MODE.asYouType | MODE.noFacets,
            0xffff,
            0xffff,
            0,
            0xffff_ffff,
            0,
            0,
            0,
            10,
          );
          t.wasmMs = Math.min(t.wasmMs, performance.now() - t0);
          t.work = WORK.map((_, i) => wasm.exports.work(i));
        }
      }
      const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
      const wasmSorted = timings.map((t) => t.wasmMs).sort((a, b) => a - b);
      console.log(
        `\n## ${corpus.name}: ${timings.length} mixed queries, fastest of ${REPEATS} each (load ${loadavg()
          .map((n) => n.toFixed(1))
          .join(' ')})`,
      );
      console.log(
        `search(): median ${quantile(sorted, 0.5).toFixed(4)} ms  p99 ${quantile(sorted, 0.99).toFixed(4)} ms   ` +
          `WASM call: median ${quantile(wasmSorted, 0.5).toFixed(4)} ms  p99 ${quantile(wasmSorted, 0.99).toFixed(4)} ms`,
      );
      const totals = WORK.map((_, i) => timings.reduce((sum, t) => sum + t.work[i]!, 0));
      console.log(`work over the set: ${WORK.map((name, i) => `${name} ${totals[i]}`).join(', ')}`);
      console.log(`slowest 10: ms (WASM ms) | ${WORK.join(' | ')} | query`);
      for (const t of [...timings].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
        console.log(
          `${t.ms.toFixed(3).padStart(7)} (${t.wasmMs.toFixed(3)}) | ${t.work.map((n) => String(n).padStart(6)).join(' | ')} | ${t.query}`,
        );
      }
    }
  });
});
