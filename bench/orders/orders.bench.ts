import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import type { Catalog } from '../../src/domain/catalog.js';
import { openDataLayer } from '../../src/server/db/data-layer.js';
import { seedStock } from '../../src/server/db/stock-store.js';
import { printTable, type BenchRow } from '../harness.js';
import { startServerOnOneCore } from './server-process.js';
import { sampleOrder } from './sample-order.js';

// Orders per second and latency of POST /api/orders against the real server (`laden serve` from
// `npm run build`) on loopback: the server pinned to core 1, autocannon pinned to core 0. Every order
// is validated with zod, re-priced by the pricing WASM module (release build) with the shop's catalog
// and rules, and committed to SQLite (WAL) with its idempotency key. Other work on the machine shares
// these cores, so the figures are a floor, not a ceiling.
const SECONDS = Number(process.env['LADEN_BENCH_SECONDS'] ?? 10);
const CONNECTIONS = 16;

interface Scenario {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  freshKey?: boolean;
}

interface LoadResult {
  name: string;
  perSecond: number;
  total: number;
  p50: number;
  p99: number;
  ok: number;
  notOk: number;
  errors: number;
  timeouts: number;
}

async function load(url: string, scenarios: Scenario[]): Promise<LoadResult[]> {
  const generator = join(process.cwd(), 'bench', 'orders', 'load-generator.mjs');
  const input = JSON.stringify({ url, connections: CONNECTIONS, seconds: SECONDS, scenarios });
  const { stdout } = await promisify(execFile)('taskset', ['-c', '0', process.execPath, generator, input], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as LoadResult[];
}

function storedOrders(dbPath: string): number {
  const db = new Sqlite(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * The load orders far more units than the demo catalog holds: the stock is set high first (the
 * server keeps what the database has), so every request is a sale and the bench measures ordering.
 */
async function plentyOfStock(dbPath: string, catalog: Catalog): Promise<void> {
  const data = await openDataLayer({ url: dbPath });
  try {
    const plenty = { ...catalog, products: catalog.products.map((p) => ({ ...p, stock: 1_000_000 })) };
    await data.transaction((trx) => seedStock(trx, plenty));
  } finally {
    await data.close();
  }
}

describe('orders API under load', () => {
  it('POST /api/orders: orders per second on one core, with p99', async () => {
    const distDir = join(process.cwd(), 'dist');
    const catalog = JSON.parse(readFileSync(join(distDir, 'data', 'catalog.json'), 'utf8')) as Catalog;
    const dir = mkdtempSync(join(tmpdir(), 'laden-bench-orders-'));
    const dbPath = join(dir, 'orders.sqlite');
    await plentyOfStock(dbPath, catalog);
    const server = await startServerOnOneCore({ core: 1, dbPath, distDir });
    try {
      // The server's own total, from its price-changed answer to an impossible one.
      const probe = sampleOrder(catalog);
      const priced = await fetch(`${server.url}/api/orders`, {
        method: 'POST',
        headers: { 'idempotency-key': randomUUID() },
        body: JSON.stringify({ ...probe, expectedTotal: 1 }),
      });
      const { quote } = (await priced.json()) as { quote: { total: number } };
      const body = JSON.stringify({ ...probe, expectedTotal: quote.total });
      const replayKey = randomUUID();
      await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'idempotency-key': replayKey }, body });

      const post = { method: 'POST', path: '/api/orders', body };
      const json = { 'content-type': 'application/json' };
      const results = await load(server.url, [
        // Each request a new order (a fresh Idempotency-Key): validate, price, insert.
        { name: 'new order (ours)', ...post, headers: json, freshKey: true },
        // The same key again and again: the stored first answer is replayed.
        { name: 'replayed key', ...post, headers: { ...json, 'idempotency-key': replayKey } },
        // The floor of the HTTP stack (Hono, security headers) without any order work.
        { name: 'GET /api/health', method: 'GET', path: '/api/health' },
      ]);
      const created = results[0]!;
      const stored = storedOrders(dbPath);

      const rows: BenchRow[] = results.map((r) => ({
        name: r.name,
        medianMs: r.p50,
        p99Ms: r.p99,
        samples: r.total,
        // Our orders/s over theirs: below 1, the peer answers more requests per second.
        ratio: created.perSecond / r.perSecond,
      }));
      printTable(`${CONNECTIONS} connections, ${SECONDS} s each; server on core 1, autocannon on core 0`, rows, {
        'req/s': (row) => String(Math.round(results.find((r) => r.name === row.name)!.perSecond)),
      });
      console.log(
        `orders stored: ${stored} (201 answers: ${created.ok}, others: ${created.notOk}, errors: ${created.errors}, timeouts: ${created.timeouts})`,
      );
      // Correctness, not speed: every 201 is one stored order (plus the replayed one); requests still
      // in flight when autocannon stopped are stored without their answer being counted.
      expect(created.notOk).toBe(0);
      expect(stored).toBeGreaterThanOrEqual(created.ok + 1);
      expect(stored).toBeLessThanOrEqual(created.ok + 1 + CONNECTIONS);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
