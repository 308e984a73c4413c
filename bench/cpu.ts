import { printTable, type BenchRow } from './harness.js';

/**
 * CPU time per call, measured in interleaved blocks of `calls` calls: on a busy shared machine the
 * wall clock also counts the time a contender waits for a core, CPU time only the work it does
 * (this process's threads: the contender's own, the garbage collector's, sharp's pool). Prints
 * the median block, the worst block and the ratio of each median to the first contender's.
 */
export function compareCpu(
  title: string,
  contenders: { name: string; run: () => unknown }[],
  options: { calls: number; blocks?: number },
): BenchRow[] {
  const { calls, blocks = 31 } = options;
  const samples = contenders.map(() => [] as number[]);
  for (let b = 0; b < blocks; b++) {
    contenders.forEach((c, i) => {
      const before = process.cpuUsage();
      for (let k = 0; k < calls; k++) c.run();
      const used = process.cpuUsage(before);
      samples[i]!.push((used.user + used.system) / 1000 / calls);
    });
  }
  const rows: BenchRow[] = samples.map((s, i) => {
    const sorted = [...s].sort((a, b) => a - b);
    const median = sorted[Math.floor(blocks / 2)]!;
    return { name: contenders[i]!.name, medianMs: median, p99Ms: sorted[blocks - 1]!, samples: blocks, ratio: 0 };
  });
  for (const row of rows) row.ratio = row.medianMs / rows[0]!.medianMs;
  printTable(`${title}: CPU time per call (median and worst of ${blocks} blocks of ${calls})`, rows);
  return rows;
}
