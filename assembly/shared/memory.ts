// Linear-memory helpers every Laden module lays its arena out with.

/** Grows memory so that `end` bytes are addressable; false when the host refuses. */
export function ensureMemory(end: u64): bool {
  const have = (<u64>memory.size()) << 16;
  if (end <= have) return true;
  const pages = <i32>((end - have + 0xffff) >> 16);
  return memory.grow(pages) >= 0;
}
