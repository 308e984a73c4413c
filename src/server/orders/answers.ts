import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ORDER_ERRORS, type OrderProblem } from '../../domain/order.js';
import type { StoredAnswer } from '../db/order-store.js';

/** Sends an answer exactly as stored, so a replay is byte for byte the first response. */
export function send(c: Context, answer: StoredAnswer, headers: Record<string, string> = {}): Response {
  return c.body(answer.body, answer.status as ContentfulStatusCode, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
}

export const problem = (status: number, body: OrderProblem): StoredAnswer => ({ status, body: JSON.stringify(body) });

export const unavailable = (): StoredAnswer =>
  problem(503, {
    error: ORDER_ERRORS.unavailable,
    message:
      'Bestellungen können gerade nicht gespeichert werden. Ihre Bestellung bleibt erhalten und wird erneut gesendet.',
  });

/** better-sqlite3 reports every engine failure (busy, locked, disk full, I/O) with an SQLITE_ code. */
export function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_') || /database connection is not open/i.test(error.message);
}
