import Sqlite, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';

export interface DatabaseOptions {
  /** How long a write waits for another connection's lock before it fails (and the API says 503). */
  busyTimeoutMs?: number;
  /** Tests stop at an earlier schema version to prove the upgrade path; the server migrates fully. */
  schemaVersion?: number;
}

/**
 * Opens (creating it if needed) the orders database at `path` and migrates it. WAL lets readers go
 * on while an order is written. synchronous=FULL syncs the WAL on every commit: once the server
 * has answered 201 the shopper holds an order number, and that order must survive a power cut
 * too, not only a process crash (which is all NORMAL promises in WAL mode).
 */
export function openDatabase(path: string, options: DatabaseOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Sqlite(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    migrate(db, undefined, options.schemaVersion);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
