import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '../../../src/server/main.js';
import { ABANDONED_AFTER_MS } from '../../../src/server/db/order-store.js';
import { fixtureShop, orderRequest, post, serverTotal, startOrdersServer } from './support.js';

describe('orders across failures and restarts', () => {
  const shop = fixtureShop();
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => shop.remove());
  const count = (db: Sqlite.Database) => (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;

  it('refuses to start with a broken rules file, naming the file', async () => {
    const broken = fixtureShop();
    writeFileSync(join(broken.dist, 'data', 'rules.json'), '{"version": 1, "shipping": {}}');
    await expect(startOrdersServer(broken)).rejects.toThrow(/rules\.json.*shipping/);
    broken.remove();
  });

  it('replays the first answer after a server restart between retries', async () => {
    const key = randomUUID();
    server = await startOrdersServer(shop);
    const request = orderRequest({ expectedTotal: await serverTotal(server.url, orderRequest()) });
    const first = await post(server.url, request, key);
    expect(first.status).toBe(201);
    await server.close();

    server = await startOrdersServer(shop);
    const retry = await post(server.url, request, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const db = new Sqlite(shop.dbPath, { readonly: true });
    const n = (db.prepare('SELECT count(*) AS n FROM orders WHERE idempotency_key = ?').get(key) as { n: number }).n;
    db.close();
    expect(n).toBe(1);
  });

  it('answers 503 while the database cannot be written, and takes the same order on the retry', async () => {
    server = await startOrdersServer(shop, { busyTimeoutMs: 20 });
    const request = orderRequest({ expectedTotal: await serverTotal(server.url, orderRequest()) });
    const key = randomUUID();

    // Another process holds the write lock (a backup, a long migration): the server cannot store.
    const other = new Sqlite(shop.dbPath);
    const before = count(other);
    other.exec('BEGIN EXCLUSIVE');
    let refused;
    try {
      refused = await post(server.url, request, key);
    } finally {
      other.exec('ROLLBACK');
    }
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(refused.body['message']).toMatch(/bleibt erhalten/);

    const retry = await post(server.url, request, key);
    expect(retry.status).toBe(201);
    expect(count(other)).toBe(before + 1);
    other.close();
  });

  it('answers 409 while another server process is still working on the same key, and takes over a dead one', async () => {
    server = await startOrdersServer(shop);
    const request = orderRequest({ expectedTotal: await serverTotal(server.url, orderRequest()) });
    const running = randomUUID();
    const dead = randomUUID();
    const other = new Sqlite(shop.dbPath);
    const claim = other.prepare(
      'INSERT INTO idempotency_keys (key, request_hash, locked_at, created_at) VALUES (?, ?, ?, ?)',
    );
    claim.run(running, 'in flight elsewhere', Date.now(), Date.now());
    claim.run(dead, 'died elsewhere', Date.now() - ABANDONED_AFTER_MS - 1000, Date.now() - ABANDONED_AFTER_MS - 1000);
    other.close();

    const busy = await post(server.url, request, running);
    expect(busy.status).toBe(409);
    expect(busy.body['error']).toBe('in-progress');
    expect(busy.headers.get('retry-after')).toBe('1');

    const takenOver = await post(server.url, request, dead);
    expect(takenOver.status).toBe(201);
  });
});
