import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { openDataLayer, type DataLayer } from '../../../src/server/db/data-layer.js';
import { stockItem } from '../../../src/server/db/stock-store.js';
import { freshDatabase } from '../../support/databases.js';
import { countOrders, fixtureShop, orderRequest, serverTotal } from './support.js';
import { postUntilAnswered, stockCatalog } from './stock-support.js';

interface ServerProcess {
  url: string;
  child: ChildProcess;
}

/** `laden serve` as the operator runs it (the dist-node bundle: `npm run build:node` first). */
async function serveProcess(databaseUrl: string, dist: string): Promise<ServerProcess> {
  const bin = join(process.cwd(), 'bin', 'laden.js');
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', databaseUrl, '--dist', dist], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`laden serve exited with ${code}; run npm run build:node first`)));
  });
  return { url, child };
}

async function stop(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
}

// Two server processes start and seed on a machine that may be busy: give them time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('stock across two server processes on one PostgreSQL', () => {
  const shop = fixtureShop(stockCatalog());
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let servers: ServerProcess[] = [];
  let data: DataLayer;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    // Started together: both seed the same catalog into the same empty database.
    servers = await Promise.all([serveProcess(database.url, shop.dist), serveProcess(database.url, shop.dist)]);
    data = await openDataLayer({ url: database.url });
  });
  afterAll(async () => {
    await Promise.all(servers.map(stop));
    await data?.close();
    await database?.drop();
    shop.remove();
  });

  it('sells 10 units to exactly 10 of 50 shoppers spread over both servers', async () => {
    const request = orderRequest({
      cart: { lines: [{ productId: 'p00003', quantity: 1 }], coupons: [], shipping: 'standard' },
    });
    const total = await serverTotal(servers[0]!.url, request);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postUntilAnswered(servers[i % 2]!.url, { ...request, expectedTotal: total }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    expect(await countOrders(data)).toBe(10);
    expect((await stockItem(data.db, 'p00003'))?.available).toBe(0);
    expect((await stockItem(data.db, 'p00005'))?.available).toBe(50);
  });
});
