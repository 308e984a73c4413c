#!/usr/bin/env node
// Lighthouse (the npm package) against the built shop served by the real server, in Debian's
// Chromium: performance, accessibility, best practices and SEO on the mobile preset (Lighthouse's
// default: a mid-range phone, slow 4G, 4× CPU slowdown). Not part of `npm test`: scores depend on
// the machine, so --runs N measures each page N times and prints the median of each figure (the
// report kept is the run with the median performance score).
// Usage: npm run build && node scripts/lighthouse.mjs [path ...] [--desktop] [--runs N]
//          [--dist DIR] [--data DIR] [--port N] [--url ORIGIN]
//   --dist DIR   the built app to serve (default dist/; e.g. an older build kept for comparison)
//   --data DIR   serve the built app with DIR as its data/ (e.g. a generated 100,000-product shop:
//                laden catalog generate --count 100000 --out DIR, then its search index), priced and
//                stocked from that same catalog
//   --port N     the port the shop is served on (default: a free one)
//   --url ORIGIN measure a shop that is already running there instead of starting one
// Reports go to build/lighthouse/<name>.report.html and .json. The orders database is a fresh
// SQLite file in a temporary folder, removed afterwards.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../dist-node/server.js';

const root = new URL('..', import.meta.url).pathname;
const { values: options, positionals: paths } = parseArgs({
  allowPositionals: true,
  options: {
    desktop: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    dist: { type: 'string' },
    data: { type: 'string' },
    port: { type: 'string', default: '0' },
    url: { type: 'string' },
  },
});
const runs = Number(options.runs);
const port = Number(options.port);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a whole number of at least 1, got ${options.runs}`);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`--port must be a port number, got ${options.port}`);
if (options.data && !existsSync(join(options.data, 'catalog.json'))) {
  throw new Error(`--data ${options.data} has no catalog.json`);
}
const desktop = options.desktop;
const outDir = join(root, 'build', 'lighthouse');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The built app, or a copy of it whose data/ is the given shop's. */
function appDir(scratch) {
  const built = resolve(options.dist ?? join(root, 'dist'));
  if (!options.data) return built;
  const copy = join(scratch, 'app');
  cpSync(built, copy, { recursive: true, filter: (source) => source !== join(built, 'data') });
  cpSync(resolve(options.data), join(copy, 'data'), { recursive: true });
  return copy;
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

await mkdir(outDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'laden-lighthouse-'));
const server = options.url
  ? undefined
  : await startServer({
      port,
      host: '127.0.0.1',
      distDir: appDir(scratch),
      orders: { dbPath: join(scratch, 'laden.sqlite') },
      mail: { fileDir: join(scratch, 'mail') },
      mediaDir: join(scratch, 'media'),
    });
const origin = options.url ?? server.url;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking'],
});
const rows = [];
try {
  for (const path of paths.length > 0 ? paths : ['/']) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const run = await lighthouse(
        origin + path,
        { port: chrome.port, output: ['html', 'json'], onlyCategories: categories, logLevel: 'error' },
        desktop ? desktopConfig : undefined,
      );
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      results.push(run);
    }
    const score = (lhr, id) => (lhr.categories[id]?.score ?? Number.NaN) * 100;
    const numeric = (lhr, id) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const of = (figure) => median(results.map(({ lhr }) => figure(lhr)));
    results.sort((a, b) => score(a.lhr, 'performance') - score(b.lhr, 'performance'));
    const { lhr, report } = results[Math.floor(results.length / 2)];
    const name = `${desktop ? 'desktop' : 'mobile'}${path.replace(/[^\w]+/g, '-')}`.replace(/-$/, '');
    await writeFile(join(outDir, `${name}.report.html`), report[0]);
    await writeFile(join(outDir, `${name}.report.json`), report[1]);
    rows.push({
      page: path,
      preset: desktop ? 'desktop' : 'mobile',
      runs,
      performance: Math.round(of((r) => score(r, 'performance'))),
      accessibility: Math.round(of((r) => score(r, 'accessibility'))),
      'best-practices': Math.round(of((r) => score(r, 'best-practices'))),
      seo: Math.round(of((r) => score(r, 'seo'))),
      FCP: `${(of((r) => numeric(r, 'first-contentful-paint')) / 1000).toFixed(1)} s`,
      LCP: `${(of((r) => numeric(r, 'largest-contentful-paint')) / 1000).toFixed(1)} s`,
      TBT: `${Math.round(of((r) => numeric(r, 'total-blocking-time')))} ms`,
      CLS: of((r) => numeric(r, 'cumulative-layout-shift')).toFixed(3),
    });
    // What cost points in the median run, so a score below 100 comes with its reasons.
    for (const id of categories) {
      const failing = lhr.categories[id].auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${Math.round((lhr.audits[ref.id].score ?? 0) * 100)})`);
      if (failing.length > 0) console.log(`${path} ${id}: ${failing.join(', ')}`);
    }
  }
} finally {
  await chrome.kill();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`Lighthouse ${desktop ? 'desktop' : 'mobile'} preset, median of ${runs} run(s) per page, ${origin}`);
console.table(rows);
