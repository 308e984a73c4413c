import type { HomeSample } from './sessions.js';

export interface SizeResult {
  count: number;
  shipped: boolean;
  runs: number;
  home: HomeSample[];
  category: number[];
  searchUrl: number[];
  searchTyped: number[];
  errors: string[];
}

const median = (values: number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'failed');
const kilobytes = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(0)} KB` : 'failed');
const megabytes = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : 'failed');
const millis = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : 'failed');

interface Row {
  name: string;
  target: string;
  value: (result: SizeResult) => string;
}

type Figure = Exclude<keyof HomeSample, 'searched'>;
const ofHome = (key: Figure, format: (n: number) => string) => (r: SizeResult) =>
  format(median(r.home.map((s) => s[key])));

const ROWS: Row[] = [
  { name: 'first cards, home', target: '≤ 2.0 s', value: ofHome('firstCards', seconds) },
  { name: `first cards, category`, target: '≤ 2.0 s', value: (r) => seconds(median(r.category)) },
  { name: 'search typed (from field shown)', target: '≤ 1.0 s', value: (r) => seconds(median(r.searchTyped)) },
  { name: 'search /search?q= (from start)', target: '–', value: (r) => seconds(median(r.searchUrl)) },
  { name: 'sent before first view (home)', target: '≤ 150 KB @100k', value: ofHome('bytesBeforeFirstView', kilobytes) },
  { name: 'catalog data until offline (gzip)', target: '≤ 6 MB @100k', value: ofHome('offlineDataBytes', megabytes) },
  { name: 'everything sent until offline', target: '–', value: ofHome('allBytes', megabytes) },
  { name: 'JS heap, page', target: '≤ 40 MB @100k', value: ofHome('heapPage', megabytes) },
  { name: 'JS heap, page + workers + SW', target: '–', value: ofHome('heapAll', megabytes) },
  { name: 'WASM memory, all realms', target: '≤ 48 MB @100k', value: ofHome('wasm', megabytes) },
  { name: 'long tasks until offline, sum', target: '–', value: ofHome('longTaskSum', millis) },
  { name: 'long tasks until offline, max', target: '–', value: ofHome('longTaskMax', millis) },
];

/** One row per figure, one column per shop size, the target beside. */
export function printTable(results: SizeResult[]): void {
  const header = ['', 'target', ...results.map((r) => `${r.count.toLocaleString('en')} products`)];
  const lines = [
    header,
    ['runs (data shipped)', '', ...results.map((r) => `${r.runs} (${r.shipped ? 'shipped' : 'catalog.json'})`)],
    ...ROWS.map((row) => [row.name, row.target, ...results.map(row.value)]),
  ];
  const widths = header.map((_, i) => Math.max(...lines.map((line) => (line[i] ?? '').length)));
  for (const line of lines)
    console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  for (const r of results) {
    const unsearched = r.home.filter((s) => !s.searched).length;
    if (unsearched > 0)
      console.log(`${r.count}: memory measured without a search in ${unsearched} run(s): no results in time`);
    for (const error of r.errors) console.log(`${r.count}: ${error}`);
  }
}
