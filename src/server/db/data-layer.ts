import { join } from 'node:path';
import { GroupCommit } from './group-commit.js';
import { migrate } from './migrate.js';
import { openPostgres, redact } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { inTransaction, type Db } from './transaction.js';

export type Backend = 'sqlite' | 'postgres';

export interface DataLayerOptions {
  /** `postgres://…` for PostgreSQL; `sqlite:PATH` or a plain file path for the embedded store. */
  url: string;
  /** SQLite: how long a write waits for another process's lock before it fails (and the API says 503). */
  busyTimeoutMs?: number;
  /** SQLite: gather concurrent writes into one transaction (default on; off only to measure). */
  groupCommit?: boolean;
  /** PostgreSQL: pool size, statement timeout and wait for a connection. */
  poolSize?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Apply migrations on open (default). `laden db status` looks without changing anything. */
  migrate?: boolean;
  /** Tests stop at an earlier schema version to prove the upgrade path. */
  schemaVersion?: number;
}

/**
 * The one way the server reaches its data, on either backend. Repositories (order-store.ts and its
 * siblings) take a DataLayer and speak Kysely; routes call repositories, never SQL.
 */
export interface DataLayer {
  readonly backend: Backend;
  /** Where the data lives, without secrets: for logs and `laden db status`. */
  readonly location: string;
  /** For reads outside a transaction. */
  readonly db: Db;
  /** One transaction, committed when `work` resolves, rolled back when it throws. */
  transaction<T>(work: (trx: Db) => Promise<T>): Promise<T>;
  /**
   * A write whose durability the caller waits for. On SQLite it may share its transaction and fsync
   * with writes arriving at the same moment (group commit); it still resolves only after the commit,
   * and a throw in `work` undoes only this write. On PostgreSQL it is its own transaction.
   */
  write<T>(work: (trx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_PATH = (root: string) => join(root, 'data', 'laden.sqlite');

export function backendOf(url: string): Backend {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

function sqlitePath(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/i, '');
}

/** Opens the database at `url` and (unless told not to) migrates it to the schema this code knows. */
export async function openDataLayer(options: DataLayerOptions): Promise<DataLayer> {
  const backend = backendOf(options.url);
  const layer =
    backend === 'postgres'
      ? postgresLayer(options)
      : sqliteLayer(sqlitePath(options.url), options.busyTimeoutMs ?? 5000, options.groupCommit ?? true);
  if (options.migrate === false) return layer;
  try {
    await migrate(layer, undefined, options.schemaVersion);
    return layer;
  } catch (error) {
    await layer.close();
    throw error;
  }
}

function sqliteLayer(path: string, busyTimeoutMs: number, grouped: boolean): DataLayer {
  const db = openSqlite(path, busyTimeoutMs);
  const transaction = <T>(work: (trx: Db) => Promise<T>) => inTransaction(db, 'begin immediate', work);
  const group = grouped ? new GroupCommit(db) : undefined;
  return {
    backend: 'sqlite',
    location: path,
    db,
    transaction,
    write: group ? (work) => group.submit(work) : transaction,
    close: () => db.destroy(),
  };
}

function postgresLayer(options: DataLayerOptions): DataLayer {
  const db = openPostgres(options.url, {
    poolSize: options.poolSize ?? 10,
    statementTimeoutMs: options.statementTimeoutMs ?? 5000,
    connectTimeoutMs: options.connectTimeoutMs ?? 3000,
  });
  const transaction = <T>(work: (trx: Db) => Promise<T>) => inTransaction(db, 'begin', work);
  return {
    backend: 'postgres',
    location: redact(options.url),
    db,
    transaction,
    write: transaction,
    close: () => db.destroy(),
  };
}
