import { ORDER_ERRORS, type OrderProblem, type OpenOrder, type PublicOrder } from '../domain/order.js';

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

const API_ERRORS: readonly string[] = Object.values(ORDER_ERRORS);

/**
 * Whether an answer comes from Laden's orders API itself: JSON, with one of its error codes. A
 * proxy, a captive portal or a load balancer answers with its own page (HTML, another JSON), and
 * such an answer says nothing about the order: the API was not reached.
 */
const fromApi = (response: Response, body: unknown): body is OrderProblem =>
  /^application\/(problem\+)?json\b/i.test(response.headers.get('content-type') ?? '') &&
  isProblem(body) &&
  API_ERRORS.includes(body.error);

/**
 * Sends one order and classifies the answer. Only the API's own answers decide: a stored order is
 * confirmed, an API refusal (4xx with its JSON problem) is final and goes back to the shopper with
 * its reason. Everything else is temporary: network failures, timeouts, 5xx, 408, 429, "still
 * running", and any page that is not the API's (a 404 or 403 from a proxy, a captive portal's login
 * page, even with status 200), which counts as "not reached". The server has then either not seen
 * the order or will replay its answer to the same key.
 */
export async function deliver(order: OpenOrder, fetchImpl: typeof fetch, baseUrl = ''): Promise<Delivery> {
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
  const retry = (reason: string, unreachable = false): Delivery => ({
    kind: 'retry',
    reason,
    ...(afterMs ? { afterMs } : {}),
    ...(unreachable ? { unreachable } : {}),
  });
  if (!fromApi(response, body)) {
    // The server's own failure page (500 "internal") was reached; anything else was not the API.
    if (response.status >= 500 && isProblem(body)) return retry(body.message);
    return retry(`Der Server ist nicht erreichbar (eine andere Stelle antwortete mit HTTP ${response.status}).`, true);
  }
  if (response.status === 409 && body.error === ORDER_ERRORS.inProgress) {
    return { kind: 'retry', reason: body.message, afterMs: afterMs ?? 1000 };
  }
  if (response.status >= 500 || response.status === 408 || response.status === 429 || response.ok) {
    return retry(body.message);
  }
  return { kind: 'rejected', problem: body };
}

/** Exponential backoff from 1 s to 5 min, with jitter so that many shops coming online do not stampede. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5 * 60_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}
