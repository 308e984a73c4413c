#!/usr/bin/env node
// Lighthouse (the npm package) against the built shop served by the real server, in Debian's
// Chromium: performance, accessibility, best practices and SEO on the mobile preset (Lighthouse's
// default: a mid-range phone, slow 4G, 4× CPU slowdown). Not part of `npm test`: scores depend on
// the machine, so --runs N measures each page N times and keeps the median run (by performance).
// Usage: npm run build && node scripts/lighthouse.mjs [path ...] [--desktop] [--runs N]
// Reports go to build/lighthouse/<name>.report.html and .json.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../dist-node/server.js';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const desktop = args.includes('--desktop');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 1;
const paths = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
const outDir = join(root, 'build', 'lighthouse');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

await mkdir(outDir, { recursive: true });
const server = await startServer({ port: 0, host: '127.0.0.1', distDir: join(root, 'dist') });
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
        server.url + path,
        { port: chrome.port, output: ['html', 'json'], onlyCategories: categories, logLevel: 'error' },
        desktop ? desktopConfig : undefined,
      );
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      results.push(run);
    }
    results.sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
    const result = results[Math.floor(results.length / 2)];
    const name = `${desktop ? 'desktop' : 'mobile'}${path.replace(/[^\w]+/g, '-')}`.replace(/-$/, '');
    const [html, json] = result.report;
    await writeFile(join(outDir, `${name}.report.html`), html);
    await writeFile(join(outDir, `${name}.report.json`), json);
    const { lhr } = result;
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id) => lhr.audits[id]?.displayValue ?? '–';
    rows.push({
      page: path,
      preset: desktop ? 'desktop' : 'mobile',
      runs,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
      FCP: metric('first-contentful-paint'),
      LCP: metric('largest-contentful-paint'),
      TBT: metric('total-blocking-time'),
      CLS: metric('cumulative-layout-shift'),
    });
    // What cost points, so a score below 100 comes with its reasons.
    for (const id of categories) {
      const failing = lhr.categories[id].auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${Math.round((lhr.audits[ref.id].score ?? 0) * 100)})`);
      if (failing.length > 0) console.log(`${path} ${id}: ${failing.join(', ')}`);
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.table(rows);
