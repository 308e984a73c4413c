// Work counters of the last search, for profiling the slow queries (bench/search): how many DP
// rows the typo walk computed, terms expanded, postings read and candidates filtered. They count
// work, not time, so a loaded machine does not blur them.

export const WORK_WALK_ROWS = 0;
export const WORK_TERMS = 1;
export const WORK_POSTINGS = 2;
export const WORK_CANDIDATES = 3;
export const WORK_PASSES = 4;
export const WORK_IMPACTS = 5; // impact-ordered postings read by ./prune.ts
export const WORK_LOOKUPS = 6; // postings looked up for one document by ./prune.ts
export const WORK_KINDS = 7;

const COUNTERS: usize = memory.data(WORK_KINDS * 4, 8);

export function resetWork(): void {
  memory.fill(COUNTERS, 0, WORK_KINDS * 4);
}

export function addWork(kind: i32, n: u32): void {
  const at = COUNTERS + ((<usize>kind) << 2);
  store<u32>(at, load<u32>(at) + n);
}

export function work(kind: i32): u32 {
  return kind >= 0 && kind < WORK_KINDS ? load<u32>(COUNTERS + ((<usize>kind) << 2)) : 0;
}
