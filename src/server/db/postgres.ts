import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Db } from './transaction.js';

export interface PostgresOptions {
  /** Connections this server process keeps open at most. */
  poolSize: number;
  /** A statement running longer is cancelled by PostgreSQL, and the request answered 503. */
  statementTimeoutMs: number;
  /** How long a request waits for a free connection (or for the server to answer) before 503. */
  connectTimeoutMs: number;
}

const INT8 = 20;

/**
 * PostgreSQL for shops on several machines: every `laden serve` process is stateless and shares one
 * database. bigint columns (epoch milliseconds) come back as numbers; they stay far below 2^53.
 */
export function openPostgres(url: string, options: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: Math.max(10_000, options.statementTimeoutMs * 2),
    application_name: 'laden',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection that dies (the database restarted or failed over) must not crash the server. Idle,
  // the pool reports it here and drops it; checked out, the client itself emits 'error' beside the
  // failing query — unheard, Node would end the process. The query's own promise carries the error
  // to the request, which is answered 503; the pool opens new connections for the next ones.
  pool.on('error', (error) => console.error(`database: an idle connection failed (${error.message})`));
  pool.on('connect', (client) => {
    client.on('error', (error) => console.error(`database: a connection failed (${error.message})`));
  });
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

/** The address without its password, for logs and `laden db status`. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unreadable address)';
  }
}
