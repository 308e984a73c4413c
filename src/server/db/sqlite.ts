import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './transaction.js';

/**
 * The embedded store: one SQLite file. WAL lets readers go on while a batch is written.
 * synchronous=FULL syncs the WAL on every commit: once the server has answered 201 the shopper holds
 * an order number, and that order must survive a power cut too, not only a process crash (which is
 * all NORMAL promises in WAL mode). Group commit (group-commit.ts) pays for that with one fsync per
 * batch instead of one per order.
 */
export function openSqlite(path: string, busyTimeoutMs: number): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Sqlite(path);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  } catch (error) {
    database.close();
    throw error;
  }
  return new Kysely({ dialect: new SqliteDialect({ database }) });
}
