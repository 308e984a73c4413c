import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ORDER_ERRORS, type OrderProblem } from '../../domain/order.js';
import type { StoredAnswer } from '../db/order-store.js';

export { isDatabaseError } from '../db/errors.js';

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
