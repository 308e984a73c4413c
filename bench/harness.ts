/**
 * Side-by-side timing for `npm run bench`: every contender runs in this one process, interleaved
 * round by round so that a busy moment on the machine hits all of them alike. Prints the median,
 * p99 and the ratio of each peer's median to ours (above 1: we are faster).
 */
export interface Contender {
  name: string;
  /** Ours is the reference every ratio is measured against. */
  ours?: boolean;
  setup?: () => unknown | Promise<unknown>;
  run: () => unknown | Promise<unknown>;
}

export interface BenchOptions {
  rounds?: number;
  warmup?: number;
  /** Stop early once this many milliseconds have passed (all contenders keep equal rounds). */
  budgetMs?: number;
}

export interface BenchRow {
  name: string;
  medianMs: number;
  p99Ms: number;
  samples: number;
  /** Peer median / our median. */
  ratio: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export async function compare(title: string, contenders: Contender[], options: BenchOptions = {}): Promise<BenchRow[]> {
  const { rounds = 30, warmup = 3, budgetMs = 20_000 } = options;
  for (const c of contenders) await c.setup?.();
  for (let i = 0; i < warmup; i++) for (const c of contenders) await c.run();
  const samples = contenders.map(() => [] as number[]);
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of contenders.entries()) {
      const t0 = performance.now();
      await c.run();
      samples[i]!.push(performance.now() - t0);
    }
    if (performance.now() - started > budgetMs && round >= 4) break;
  }
  const medians = samples.map((s) =>
    quantile(
      [...s].sort((a, b) => a - b),
      0.5,
    ),
  );
  const oursIndex = Math.max(
    0,
    contenders.findIndex((c) => c.ours),
  );
  const ourMedian = medians[oursIndex]!;
  const rows = contenders.map((c, i) => {
    const sorted = [...samples[i]!].sort((a, b) => a - b);
    return {
      name: c.name,
      medianMs: medians[i]!,
      p99Ms: quantile(sorted, 0.99),
      samples: sorted.length,
      ratio: medians[i]! / ourMedian,
    };
  });
  printTable(title, rows);
  return rows;
}

export function printTable(title: string, rows: BenchRow[], extra: Record<string, (r: BenchRow) => string> = {}): void {
  const fmt = (ms: number) => (ms < 1 ? ms.toFixed(4) : ms.toFixed(2));
  const header = ['contender', 'median ms', 'p99 ms', 'samples', 'peer/ours', ...Object.keys(extra)];
  const body = rows.map((r) => [
    r.name,
    fmt(r.medianMs),
    fmt(r.p99Ms),
    String(r.samples),
    `${r.ratio.toFixed(2)}x`,
    ...Object.values(extra).map((f) => f(r)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(`\n## ${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of body) console.log(line(row));
}
