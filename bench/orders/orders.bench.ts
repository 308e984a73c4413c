import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Catalog } from '../../src/domain/catalog.js';
import { openDataLayer } from '../../src/server/db/data-layer.js';
import { startTestPostgres } from '../../tests/support/postgres.js';
import { seedStock } from '../../src/server/db/stock-store.js';
import { printTable, type BenchRow } from '../harness.js';
import { startServerOnOneCore, type ServerProcess } from './server-process.js';
import { sampleOrder } from './sample-order.js';

// Durable orders per second through POST /api/orders against the real server (`laden serve` from
// `npm run build`) on loopback, in four set-ups side by side in one run: the embedded SQLite store
// with one fsync per order (as before group commit), SQLite with group commit (the default),
// PostgreSQL with one server instance and with two. Servers are pinned to core 1, autocannon to
// core 0; PostgreSQL is Debian's, started here in a temporary folder, fsync on. Every 201 is read
// back from the database by its order number. Other work on the machine shares these cores, so the
// figures are a floor, not a ceiling.
const SECONDS = Number(process.env['LADEN_BENCH_SECONDS'] ?? 10);
const CONNECTIONS = 16;

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
  created: string[];
}

interface Setup {
  name: string;
  ours?: boolean;
  database: () => Promise<{ url: string; drop(): Promise<void> }>;
  instances: number;
  env?: Record<string, string>;
}

async function load(urls: string[], body: string): Promise<LoadResult> {
  const generator = join(process.cwd(), 'bench', 'orders', 'load-generator.mjs');
  const scenario = {
    name: 'new orders',
    method: 'POST',
    path: '/api/orders',
    headers: { 'content-type': 'application/json' },
    body,
    freshKey: true,
  };
  const input = JSON.stringify({ urls, connections: CONNECTIONS, seconds: SECONDS, scenarios: [scenario] });
  const { stdout } = await promisify(execFile)('taskset', ['-c', '0', process.execPath, generator, input], {
    maxBuffer: 256 << 20,
  });
  return (JSON.parse(stdout) as LoadResult[])[0]!;
}

/** How many of `ids` are stored, asked in pages. */
async function readBack(url: string, ids: string[]): Promise<number> {
  const data = await openDataLayer({ url, migrate: false });
  try {
    let found = 0;
    for (let i = 0; i < ids.length; i += 1000) {
      const page = ids.slice(i, i + 1000);
      found += (await data.db.selectFrom('orders').select('id').where('id', 'in', page).execute()).length;
    }
    return found;
  } finally {
    await data.close();
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
  it('durable orders per second: SQLite with and without group commit, PostgreSQL with one and two instances', async () => {
    const distDir = join(process.cwd(), 'dist');
    const catalog = JSON.parse(readFileSync(join(distDir, 'data', 'catalog.json'), 'utf8')) as Catalog;
    const postgres = await startTestPostgres();
    const sqliteFile = async () => {
      const dir = mkdtempSync(join(tmpdir(), 'laden-bench-orders-'));
      return { url: join(dir, 'orders.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
    };
    const postgresDatabase = async () => {
      const name = `bench_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: postgres.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(postgres.url);
      url.pathname = `/${name}`;
      return { url: url.toString(), drop: async () => undefined };
    };
    const setups: Setup[] = [
      { name: 'SQLite, one fsync per order', database: sqliteFile, instances: 1, env: { LADEN_GROUP_COMMIT: '0' } },
      { name: 'SQLite, group commit (ours, default)', ours: true, database: sqliteFile, instances: 1 },
      { name: 'PostgreSQL, one instance', database: postgresDatabase, instances: 1 },
      { name: 'PostgreSQL, two instances', database: postgresDatabase, instances: 2 },
    ];
    const results: (LoadResult & { setup: Setup; readBack: number })[] = [];
    try {
      for (const setup of setups) {
        const database = await setup.database();
        await plentyOfStock(database.url, catalog);
        const servers: ServerProcess[] = [];
        try {
          for (let i = 0; i < setup.instances; i++) {
            servers.push(await startServerOnOneCore({ core: 1, dbPath: database.url, distDir, env: setup.env ?? {} }));
          }
          // The server's own total, from its price-changed answer to an impossible one.
          const probe = sampleOrder(catalog);
          const priced = await fetch(`${servers[0]!.url}/api/orders`, {
            method: 'POST',
            headers: { 'idempotency-key': randomUUID() },
            body: JSON.stringify({ ...probe, expectedTotal: 1 }),
          });
          const { quote } = (await priced.json()) as { quote: { total: number } };
          const result = await load(
            servers.map((s) => s.url),
            JSON.stringify({ ...probe, expectedTotal: quote.total }),
          );
          results.push({ ...result, setup, readBack: await readBack(database.url, result.created) });
        } finally {
          await Promise.all(servers.map((s) => s.close()));
          await database.drop();
        }
      }
    } finally {
      postgres.destroy();
    }

    const ours = results.find((r) => r.setup.ours)!;
    const rows: BenchRow[] = results.map((r) => ({
      name: r.setup.name,
      medianMs: r.p50,
      p99Ms: r.p99,
      samples: r.total,
      // Our orders/s over theirs: below 1, the peer answers more orders per second.
      ratio: ours.perSecond / r.perSecond,
    }));
    printTable(
      `new orders, ${CONNECTIONS} connections, ${SECONDS} s each; servers on core 1, autocannon on core 0`,
      rows,
      {
        'orders/s': (row) => String(Math.round(results.find((r) => r.setup.name === row.name)!.perSecond)),
        '201 read back': (row) => {
          const r = results.find((x) => x.setup.name === row.name)!;
          return `${r.readBack}/${r.created.length}`;
        },
      },
    );
    for (const r of results) {
      // Correctness, not speed: every 201 is a stored order, nothing else was answered.
      expect(r.readBack, r.setup.name).toBe(r.created.length);
      expect(r.notOk, r.setup.name).toBe(0);
    }
  }, 600_000);
});
