/**
 * Live timing on the shopper's device: the WASM engine and its plain-TypeScript reference run
 * interleaved, sample by sample, so a busy moment (another tab, a GC) hits both alike. Between
 * samples the page gets the main thread back, so it stays responsive while the benchmark runs.
 */

export interface Race {
  /** One operation each side performs, e.g. pricing one cart. */
  wasm: () => unknown;
  reference: () => unknown;
}

export interface RaceResult {
  /** Median milliseconds per operation. */
  wasmMs: number;
  referenceMs: number;
  samples: number;
}

export interface RaceOptions {
  samples?: number;
  /** Each sample repeats the operation until it lasts at least this long (timer resolution). */
  minSampleMs?: number;
  onSample?: (done: number, total: number) => void;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How many repetitions make one sample last `minMs`; also warms the code up. */
function calibrate(run: () => unknown, minMs: number): number {
  for (let i = 0; i < 3; i++) run();
  const started = performance.now();
  run();
  const once = Math.max(performance.now() - started, 0.001);
  return Math.min(10_000, Math.max(1, Math.ceil(minMs / once)));
}

function sample(run: () => unknown, repetitions: number): number {
  const started = performance.now();
  for (let i = 0; i < repetitions; i++) run();
  return (performance.now() - started) / repetitions;
}

export async function race(contest: Race, options: RaceOptions = {}): Promise<RaceResult> {
  const samples = options.samples ?? 15;
  const minMs = options.minSampleMs ?? 5;
  const wasmReps = calibrate(contest.wasm, minMs);
  await yieldToPage();
  const referenceReps = calibrate(contest.reference, minMs);
  const wasm: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < samples; i++) {
    await yieldToPage();
    // Alternate who goes first, so neither always runs on a cache the other warmed.
    if (i % 2 === 0) {
      wasm.push(sample(contest.wasm, wasmReps));
      reference.push(sample(contest.reference, referenceReps));
    } else {
      reference.push(sample(contest.reference, referenceReps));
      wasm.push(sample(contest.wasm, wasmReps));
    }
    options.onSample?.(i + 1, samples);
  }
  return { wasmMs: median(wasm), referenceMs: median(reference), samples };
}
