import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { describe, it } from 'vitest';
import type { Catalog } from '../../src/domain/catalog.js';
import { startServer } from '../../src/server/main.js';
import { knownItems } from '../../tests/unit/search/known-items.js';
import { chromiumArgs, chromiumPath } from '../../vitest.config.js';

/**
 * The device's search at the sizes of issue 19: for each shop folder (catalog.json and the
 * search-index.bin `laden search --build-index` wrote), the index file's size raw and gzip, and in
 * Chromium at 4x CPU throttling, in the search worker of the built app (`dist/`): fetch + check +
 * load time, WASM memory after load, and each query's time (in the worker, and round trip from the
 * page); beside it `GET /api/search` on the real server, from the page (the first visit's path) and
 * from Node. Shops: SEARCH_DEVICE_SHOPS=dir,dir (default public/data and /tmp/laden-shop-{10000,100000}
 * when present); make one with
 *   node bin/laden.js catalog generate --count N --seed 42 --out DIR
 *   node bin/laden.js search --build-index --catalog DIR/catalog.json --out DIR/search-index.bin
 */
const shops = (process.env['SEARCH_DEVICE_SHOPS'] ?? 'public/data,/tmp/laden-shop-10000,/tmp/laden-shop-100000')
  .split(',')
  .filter((dir) => existsSync(join(dir, 'catalog.json')) && existsSync(join(dir, 'search-index.bin')));
const THROTTLE = 4;
const QUERIES = 200;

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
function spread(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `median ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`;
}

/** The built app with this shop's data in place of the demo's. */
function shopDist(dataDir: string): string {
  const dist = mkdtempSync(join(tmpdir(), 'laden-device-bench-'));
  for (const entry of readdirSync('dist')) {
    if (entry !== 'data') symlinkSync(join(process.cwd(), 'dist', entry), join(dist, entry));
  }
  mkdirSync(join(dist, 'data'));
  for (const file of ['catalog.json', 'search-index.bin']) copyFileSync(join(dataDir, file), join(dist, 'data', file));
  copyFileSync(join('dist', 'data', 'rules.json'), join(dist, 'data', 'rules.json'));
  return dist;
}

describe('search on the device and on the server, by catalog size', () => {
  for (const dir of shops) {
    it(`${dir}`, async () => {
      const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog;
      const file = readFileSync(join(dir, 'search-index.bin'));
      const queries = knownItems(catalog, QUERIES, 99).map((item) => item.query);
      const dist = shopDist(dir);
      const worker = readdirSync(join('dist', 'assets')).find((f) => /^search\.worker-.*\.js$/.test(f))!;
      const started = performance.now();
      const server = await startServer({
        port: 0,
        host: '127.0.0.1',
        distDir: dist,
        orders: { dbPath: join(dist, 'orders.sqlite') },
        mail: { fileDir: join(dist, 'mail') },
      });
      const serverStartMs = performance.now() - started;
      // The server gzips an index file once, on its first request: time that apart from the device's.
      const gzipStarted = performance.now();
      await (
        await fetch(`${server.url}/data/search-index.bin`, { headers: { 'accept-encoding': 'gzip' } })
      ).arrayBuffer();
      const firstGzipMs = performance.now() - gzipStarted;
      const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
      try {
        const page = await browser.newPage();
        await page.goto(`${server.url}/api/health`);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
        const measured = await page.evaluate(
          async ({ workerUrl, queries }) => {
            // The server's CSP asks for Trusted Types; the app's page makes this policy at start.
            type Policy = { createScriptURL(url: string): string };
            const types = (globalThis as unknown as { trustedTypes: { createPolicy(n: string, r: Policy): Policy } })
              .trustedTypes;
            const policy = types.createPolicy('default', { createScriptURL: (url: string) => url });
            const w = new Worker(policy.createScriptURL(workerUrl), { type: 'module' });
            const next = () => new Promise<any>((resolve) => (w.onmessage = (e) => resolve(e.data))); // eslint-disable-line @typescript-eslint/no-explicit-any
            const opened = performance.now();
            w.postMessage({ type: 'open', url: '/data/search-index.bin' });
            const ready = await next();
            const openMs = performance.now() - opened;
            const inWorker: number[] = [];
            const roundTrip: number[] = [];
            let id = 0;
            for (const query of queries) {
              const t = performance.now();
              w.postMessage({ type: 'query', id: ++id, query, options: { limit: 24 } });
              const reply = await next();
              roundTrip.push(performance.now() - t);
              inWorker.push(reply.ms);
            }
            const server: number[] = [];
            for (const query of queries.slice(0, 60)) {
              const t = performance.now();
              const response = await fetch(`/api/search?q=${encodeURIComponent(query)}&limit=24`);
              await response.json();
              server.push(performance.now() - t);
            }
            w.terminate();
            return { ready, openMs, inWorker, roundTrip, server };
          },
          { workerUrl: `/assets/${worker}`, queries },
        );
        const fromNode: number[] = [];
        for (const query of queries) {
          const t = performance.now();
          await (await fetch(`${server.url}/api/search?q=${encodeURIComponent(query)}&limit=24`)).json();
          fromNode.push(performance.now() - t);
        }
        console.log(
          [
            `\n${catalog.products.length} products (${dir}); server started in ${(serverStartMs / 1000).toFixed(1)} s`,
            `  index file      ${MB(statSync(join(dir, 'search-index.bin')).size)} raw, ${MB(gzipSync(file).length)} gzip (the server's first gzip of it: ${firstGzipMs.toFixed(0)} ms)`,
            `  worker (${THROTTLE}x)     ready ${measured.ready.type}: fetch ${measured.ready.fetchMs?.toFixed(0)} ms + check/load ${measured.ready.loadMs?.toFixed(0)} ms (open to ready ${measured.openMs.toFixed(0)} ms), WASM memory ${MB(measured.ready.memoryBytes ?? 0)}`,
            `  query in worker ${spread(measured.inWorker)}  (${queries.length} known-item queries, limit 24, facets, highlights)`,
            `  page→worker→page ${spread(measured.roundTrip)}`,
            `  /api/search from the page (${THROTTLE}x) ${spread(measured.server)} (first ${measured.server[0]!.toFixed(0)} ms)`,
            `  /api/search from Node ${spread(fromNode)}`,
          ].join('\n'),
        );
      } finally {
        await browser.close();
        await server.close();
        rmSync(dist, { recursive: true, force: true });
      }
    }, 1_800_000);
  }
});
