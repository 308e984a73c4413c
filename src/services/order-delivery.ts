import { ORDER_ERRORS, type OrderProblem, type PublicOrder, type ShopOrder } from '../domain/order.js';

/** What one attempt to deliver an order came to, decided from the server's answer alone. */
export type Delivery =
  | { kind: 'confirmed'; order: PublicOrder }
  | { kind: 'rejected'; problem: OrderProblem }
  | { kind: 'retry'; reason: string; afterMs?: number; unreachable?: boolean };

const isProblem = (body: unknown): body is OrderProblem =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as OrderProblem).error === 'string' &&
  typeof (body as OrderProblem).message === 'string';

const isPlaced = (body: unknown): body is { order: PublicOrder } =>
  typeof body === 'object' && body !== null && typeof (body as { order?: PublicOrder }).order?.id === 'string';

/** Seconds from a Retry-After header (the date form is not used by Laden's server). */
const retryAfterMs = (response: Response): number | undefined => {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
};

/**
 * Sends one order and classifies the answer. Network failures, timeouts and 5xx are temporary (the
 * server either has not seen the order or will replay its answer to the same key); a 4xx other than
 * "still running" is final and goes back to the shopper with its reason.
 */
export async function deliver(order: ShopOrder, fetchImpl: typeof fetch, baseUrl = ''): Promise<Delivery> {
  let response: Response;
  try {
    response = await fetchImpl(`${baseUrl}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': order.key },
      body: JSON.stringify(order.request),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    return { kind: 'retry', reason: 'Der Server ist nicht erreichbar.', unreachable: true };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && isPlaced(body)) return { kind: 'confirmed', order: body.order };
  const afterMs = retryAfterMs(response);
  if (response.status === 409 && isProblem(body) && body.error === ORDER_ERRORS.inProgress) {
    return { kind: 'retry', reason: body.message, afterMs: afterMs ?? 1000 };
  }
  if (response.status >= 500 || response.status === 408 || response.status === 429 || response.ok) {
    const reason = isProblem(body)
      ? body.message
      : `Der Server antwortet nicht wie erwartet (HTTP ${response.status}).`;
    return { kind: 'retry', reason, ...(afterMs ? { afterMs } : {}) };
  }
  return {
    kind: 'rejected',
    problem: isProblem(body)
      ? body
      : { error: ORDER_ERRORS.invalid, message: `Der Server hat die Bestellung abgelehnt (HTTP ${response.status}).` },
  };
}

/** Exponential backoff from 1 s to 5 min, with jitter so that many shops coming online do not stampede. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5 * 60_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}
