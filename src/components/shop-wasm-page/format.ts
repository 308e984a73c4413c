// Figures as the page writes them, German style.

const kilobytes = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const decimals = new Intl.NumberFormat('de-DE', { maximumSignificantDigits: 3 });

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${kilobytes.format(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${kilobytes.format(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

/** Milliseconds per operation; below one millisecond in microseconds. */
export function formatDuration(ms: number): string {
  return ms < 1 ? `${decimals.format(ms * 1000)} µs` : `${decimals.format(ms)} ms`;
}

/** "3,2 × schneller" for the faster side, from the reference's median over WASM's. */
export function formatRatio(ratio: number): string {
  return `${decimals.format(ratio >= 1 ? ratio : 1 / ratio)} ×`;
}
