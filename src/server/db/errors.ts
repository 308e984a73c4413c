/**
 * Failures of the database itself (busy, locked, disk full, unreachable, timed out), as opposed to
 * bugs: the API answers them 503 with Retry-After and the shopper's device sends the order again.
 */
export function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const code = 'code' in error ? String(error.code) : '';
  // better-sqlite3: every engine failure carries an SQLITE_ code.
  if (code.startsWith('SQLITE_')) return true;
  // node-postgres: the server unreachable or gone (socket errors), or PostgreSQL's own classes
  // 08 (connection), 53 (resources), 57 (operator intervention: shutdown, statement timeout),
  // 40 (serialization / deadlock: a retry succeeds).
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
  if (/^(08|53|57|40)/.test(code)) return true;
  return /database connection is not open|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
    error.message,
  );
}

/** Thrown by the data layer when it cannot serve at all (closed, or the batch it was in failed). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}
