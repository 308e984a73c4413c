import { afterEach, describe, expect, it } from 'vitest';
import Sqlite from 'better-sqlite3';
import { openDataLayer, type DataLayer } from '../../../src/server/db/data-layer.js';
import { GroupCommit } from '../../../src/server/db/group-commit.js';
import { openSqlite } from '../../../src/server/db/sqlite.js';
import { freshDatabase } from '../../support/databases.js';

const key = (i: number) => ({ key: `k${i}`, request_hash: 'h', locked_at: i, created_at: i });

describe('group commit on the embedded store', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  async function layer(): Promise<{ data: DataLayer; path: string }> {
    const database = await freshDatabase('sqlite');
    cleanup.push(database.drop);
    const data = await openDataLayer({ url: database.url });
    cleanup.push(() => data.close());
    return { data, path: database.url };
  }
  const stored = (path: string) => {
    const db = new Sqlite(path, { readonly: true });
    try {
      return (db.prepare('SELECT key FROM idempotency_keys ORDER BY locked_at').all() as { key: string }[]).map(
        (r) => r.key,
      );
    } finally {
      db.close();
    }
  };

  it('commits writes that arrive together in fewer transactions, each resolved only once stored', async () => {
    const { path } = await layer();
    const db = openSqlite(path, 5000);
    cleanup.push(() => db.destroy());
    const group = new GroupCommit(db);
    const seen: string[][] = [];
    const writes = Array.from({ length: 60 }, (_, i) =>
      group
        .submit((trx) => trx.insertInto('idempotency_keys').values(key(i)).execute())
        .then(() => {
          // Another connection sees the row at the moment the write resolves: it was committed.
          seen.push(stored(path).filter((k) => k === `k${i}`));
        }),
    );
    await Promise.all(writes);
    expect(seen.every((rows) => rows.length === 1)).toBe(true);
    expect(stored(path)).toHaveLength(60);
    expect(group.stats.writes).toBe(60);
    expect(group.stats.batches).toBeLessThan(60);
    expect(group.stats.largest).toBeGreaterThan(1);
  });

  it('fails only the write that threw; the others in its batch are stored', async () => {
    const { data, path } = await layer();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        data.write(async (trx) => {
          await trx.insertInto('idempotency_keys').values(key(i)).execute();
          if (i === 4) throw new Error('this order is refused');
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(
      Array.from({ length: 10 }, (_, i) => (i === 4 ? 'rejected' : 'fulfilled')),
    );
    expect(stored(path)).toEqual(['k0', 'k1', 'k2', 'k3', 'k5', 'k6', 'k7', 'k8', 'k9']);
  });

  it('fails every write of a batch whose commit cannot happen, and stores none of them', async () => {
    const database = await freshDatabase('sqlite');
    cleanup.push(database.drop);
    const data = await openDataLayer({ url: database.url, busyTimeoutMs: 20 });
    cleanup.push(() => data.close());
    // Another process holds the write lock (a backup, a long migration): the batch cannot begin.
    const other = new Sqlite(database.url);
    other.exec('BEGIN EXCLUSIVE');
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        data.write((trx) => trx.insertInto('idempotency_keys').values(key(i)).execute()),
      ),
    );
    other.exec('ROLLBACK');
    other.close();
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(stored(database.url)).toEqual([]);
    // The store goes on working once the lock is gone.
    await data.write((trx) => trx.insertInto('idempotency_keys').values(key(9)).execute());
    expect(stored(database.url)).toEqual(['k9']);
  });
});
