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
  return new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/** Distinct SQL texts the server uses are few (a few dozen); the bound only guards against a leak. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * Kysely prepares every query anew; an order runs about ten statements, and preparing them was a
 * good part of its time on the embedded store. The texts repeat (values travel as parameters), so
 * each is prepared once and reused.
 */
function withStatementCache(database: Sqlite.Database): Pick<Sqlite.Database, 'close' | 'prepare'> {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
        statement = database.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  } as Pick<Sqlite.Database, 'close' | 'prepare'>;
}
