import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freshDatabase } from '../../support/databases.js';
import { fixtureShop, orderRequest, post, serverTotal, startOrdersServer } from './support.js';

const laden = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join('bin', 'laden.js'), ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

describe('laden db', { timeout: 60_000 }, () => {
  const shop = fixtureShop();
  afterAll(() => shop.remove());

  it('status shows pending migrations, migrate applies them, status is then clean', async () => {
    const database = await freshDatabase('postgres');
    try {
      const before = await laden('db', 'status', '--db', database.url);
      expect(before.code).toBe(1);
      expect(before.stdout).toMatch(/backend: postgres/);
      expect(before.stdout).toMatch(/schema version: 0/);
      expect(before.stdout).toMatch(/pending: 1-orders, 2-idempotency/);
      const migrated = await laden('db', 'migrate', '--db', database.url);
      expect(migrated.code).toBe(0);
      expect(migrated.stdout).toMatch(/schema version 0 → \d+/);
      const after = await laden('db', 'status', '--db', database.url);
      expect(after.code).toBe(0);
      expect(after.stdout).toMatch(/pending: none/);
    } finally {
      await database.drop();
    }
  });

  it('copy moves a shop from its SQLite file to PostgreSQL: orders readable, repeats replayed', async () => {
    const sqlite = await freshDatabase('sqlite');
    const postgres = await freshDatabase('postgres');
    try {
      const before = await startOrdersServer(shop, { databaseUrl: sqlite.url });
      const body = orderRequest({ expectedTotal: await serverTotal(before.url, orderRequest()) });
      const key = randomUUID();
      const first = await post(before.url, body, key);
      expect(first.status).toBe(201);
      await before.close();

      const copy = await laden('db', 'copy', '--from', `sqlite:${sqlite.url}`, '--to', postgres.url);
      expect(copy.stderr).toBe('');
      expect(copy.code).toBe(0);
      expect(copy.stdout).toMatch(/orders 1, idempotency_keys 2/);

      const after = await startOrdersServer(shop, { databaseUrl: postgres.url });
      try {
        const id = (first.body['order'] as { id: string }).id;
        expect((await fetch(`${after.url}/api/orders/${id}`)).status).toBe(200);
        const replay = await post(after.url, body, key);
        expect(replay.status).toBe(201);
        expect(replay.body).toEqual(first.body);
      } finally {
        await after.close();
      }

      // A second copy would mix two shops: refused, exit code 2, one line.
      const again = await laden('db', 'copy', '--from', sqlite.url, '--to', postgres.url);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/target is not empty/);
    } finally {
      await sqlite.drop();
      await postgres.drop();
    }
  });

  it('never prints the password of the database address', async () => {
    const database = await freshDatabase('postgres');
    try {
      const url = new URL(database.url);
      url.password = 's3cret-Passw0rt';
      const status = await laden('db', 'status', '--db', url.toString());
      expect(status.stdout + status.stderr).not.toContain('s3cret-Passw0rt');
    } finally {
      await database.drop();
    }
  });
});
