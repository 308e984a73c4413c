import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import autocannon, { type Request, type Result } from 'autocannon';
import type { Catalog } from '../../src/domain/catalog.js';
import type { OrderRequest } from '../../src/domain/order.js';
import { printTable, type BenchRow } from '../harness.js';
import { startServerOnOneCore } from './server-process.js';

// Orders per second and latency of POST /api/orders against the real server (built with
// `npm run build`) on loopback: the server process pinned to one core, autocannon in this process.
// Every order is validated with zod, re-priced by the pricing WASM module (release build) with the
// shop's catalog and rules, and committed to SQLite (WAL) with its idempotency key.
const SECONDS = Number(process.env['LADEN_BENCH_SECONDS'] ?? 10);
const CONNECTIONS = 16;

function sampleOrder(catalog: Catalog): OrderRequest {
  const lines = catalog.products
    .filter((p) => !p.variants?.length && p.stock >= 10)
    .slice(0, 3)
    .map((p, i) => ({ productId: p.id, quantity: i + 1 }));
  return {
    cart: { lines, coupons: [], shipping: 'standard' },
    contact: { email: 'erika@example.de' },
    shippingAddress: {
      firstName: 'Erika',
      lastName: 'Mustermann',
      street: 'Heidestraße 17',
      postalCode: '51147',
      city: 'Köln',
      country: 'DE',
    },
    payment: 'invoice',
    expectedTotal: 0,
  };
}

const post = (body: string, key?: string): Request => ({
  method: 'POST',
  path: '/api/orders',
  headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
  body,
});

async function storedOrders(dbPath: string): Promise<number> {
  const db = new Sqlite(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('orders API under load', () => {
  it('POST /api/orders: orders per second on one core, with p99', async () => {
    const distDir = join(process.cwd(), 'dist');
    const catalog = JSON.parse(readFileSync(join(distDir, 'data', 'catalog.json'), 'utf8')) as Catalog;
    const dir = mkdtempSync(join(tmpdir(), 'laden-bench-orders-'));
    const dbPath = join(dir, 'orders.sqlite');
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
      const run = (request: Request): Promise<Result> =>
        autocannon({ url: server.url, connections: CONNECTIONS, duration: SECONDS, requests: [request] });

      // Each request a new order (a fresh Idempotency-Key): validate, price, insert.
      const created = await run({
        ...post(body),
        setupRequest: (r) => ({ ...r, headers: { ...r.headers, 'idempotency-key': randomUUID() } }),
      });
      // The same key again and again: the stored first answer is replayed.
      const replayKey = randomUUID();
      await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'idempotency-key': replayKey }, body });
      const replayed = await run(post(body, replayKey));
      // The floor of the HTTP stack (Hono, security headers, compression) without any order work.
      const health = await run({ method: 'GET', path: '/api/health' });
      const stored = await storedOrders(dbPath);

      const results: [string, Result][] = [
        ['new order (ours)', created],
        ['replayed key', replayed],
        ['GET /api/health', health],
      ];
      const rows: BenchRow[] = results.map(([name, r]) => ({
        name,
        medianMs: r.latency.p50,
        p99Ms: r.latency.p99,
        samples: r.requests.total,
        // Our orders/s over theirs: below 1, the peer answers more requests per second.
        ratio: created.requests.average / r.requests.average,
      }));
      const perSecond = new Map(results.map(([name, r]) => [name, Math.round(r.requests.average)]));
      printTable(`POST /api/orders, ${CONNECTIONS} connections, ${SECONDS} s each, server pinned to one core`, rows, {
        'req/s': (r) => String(perSecond.get(r.name)),
      });
      console.log(
        `orders stored: ${stored} (201 answers: ${created['2xx']}, others: ${created.non2xx}, errors: ${created.errors}, timeouts: ${created.timeouts})`,
      );
      // Correctness, not speed: every 201 is one stored order (plus the replayed one); requests still
      // in flight when autocannon stopped are stored without their answer being counted.
      expect(created.non2xx).toBe(0);
      expect(stored).toBeGreaterThanOrEqual(created['2xx'] + 1);
      expect(stored).toBeLessThanOrEqual(created['2xx'] + 1 + CONNECTIONS);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
