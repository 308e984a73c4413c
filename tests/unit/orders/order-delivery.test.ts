import { describe, expect, it } from 'vitest';
import { backoffMs, deliver } from '../../../src/services/order-delivery.js';
import type { OpenOrder } from '../../../src/domain/order.js';
import { orderRequest } from '../server/support.js';

const order = {
  key: '6f1c1c2e-2b8e-4a4f-9a53-3c1c8f1d2a10',
  state: 'sent',
  request: orderRequest({ expectedTotal: 4943 }),
  createdAt: 0,
  attempts: 1,
  nextAttemptAt: 0,
} as OpenOrder;

const answering =
  (status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch =>
  () =>
    Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    );

describe('delivering one order', () => {
  it('sends the order with its Idempotency-Key', async () => {
    let sent: Request | undefined;
    await deliver(order, (input, init) => {
      sent = new Request(new URL(String(input), 'http://shop.test'), init);
      return answering(201, { order: { id: 'L-AAAAA-BBBBB' } })(input, init);
    });
    expect(sent?.method).toBe('POST');
    expect(sent?.headers.get('idempotency-key')).toBe(order.key);
    expect(await sent?.json()).toEqual(order.request);
  });

  it.each([
    ['a stored order', 201, { order: { id: 'L-AAAAA-BBBBB' } }, {}, 'confirmed'],
    ['a replayed first answer', 200, { order: { id: 'L-AAAAA-BBBBB' } }, {}, 'confirmed'],
    ['a changed price', 409, { error: 'price-changed', message: 'Preise geändert' }, {}, 'rejected'],
    ['an unknown product', 422, { error: 'unknown-product', message: 'weg' }, {}, 'rejected'],
    ['an invalid order', 400, { error: 'invalid', message: 'PLZ' }, {}, 'rejected'],
    ['a too large order', 413, { error: 'too-large', message: 'zu groß' }, {}, 'rejected'],
    ['an attempt still running', 409, { error: 'in-progress', message: 'läuft' }, { 'retry-after': '1' }, 'retry'],
    ['a database error', 503, { error: 'unavailable', message: 'später' }, { 'retry-after': '2' }, 'retry'],
    ['a proxy error page', 502, '<html>Bad Gateway</html>', {}, 'retry'],
    ['too many requests', 429, '', {}, 'retry'],
    ['a proxy 404 page', 404, '<html>Not Found</html>', { 'content-type': 'text/html' }, 'retry'],
    ['a captive portal login (403)', 403, '<html>Anmelden</html>', { 'content-type': 'text/html' }, 'retry'],
    ['a captive portal login (200)', 200, '<html>WLAN-Anmeldung</html>', { 'content-type': 'text/html' }, 'retry'],
    ['a gateway JSON 404', 404, { message: 'no Route matched' }, {}, 'retry'],
    ['a gateway JSON 401 with its own code', 401, { error: 'unauthorized', message: 'Login' }, {}, 'retry'],
    ['an API problem sent as HTML', 400, { error: 'invalid', message: 'x' }, { 'content-type': 'text/html' }, 'retry'],
    ['the server failing inside', 500, { error: 'internal', message: 'Interner Fehler' }, {}, 'retry'],
  ] as const)('treats %s (HTTP %i) as %s', async (_what, status, body, headers, kind) => {
    expect((await deliver(order, answering(status, body, headers))).kind).toBe(kind);
  });

  it('keeps an out-of-stock refusal whole, with each short line, for the order page to offer less', async () => {
    const refusal = {
      error: 'out-of-stock',
      message: 'Leider ist nicht mehr alles auf Lager.',
      lines: [{ productId: 'p00001', requested: 3, available: 2 }],
    };
    expect(await deliver(order, answering(409, refusal))).toEqual({ kind: 'rejected', problem: refusal });
  });

  it('keeps the server reason of a refusal for the shopper, and a readable one when there is none', async () => {
    expect(await deliver(order, answering(409, { error: 'price-changed', message: 'Preise geändert' }))).toEqual({
      kind: 'rejected',
      problem: { error: 'price-changed', message: 'Preise geändert' },
    });
    expect(await deliver(order, answering(404, { error: 'not-found', message: 'Keine API' }))).toMatchObject({
      kind: 'rejected',
      problem: { error: 'not-found' },
    });
  });

  it('counts any page that is not the API as "not reached", never as a final answer', async () => {
    for (const [status, type] of [
      [404, 'text/html'],
      [403, 'text/html'],
      [200, 'text/html'],
      [302, 'text/html'],
      [404, 'text/plain'],
    ] as const) {
      const outcome = await deliver(order, answering(status, '<html>Portal</html>', { 'content-type': type }));
      expect(outcome, `${status} ${type}`).toEqual({
        kind: 'retry',
        reason: `Der Server ist nicht erreichbar (eine andere Stelle antwortete mit HTTP ${status}).`,
        unreachable: true,
      });
    }
  });

  it('waits as long as the server asks, and marks an unreachable server', async () => {
    expect(
      await deliver(order, answering(503, { error: 'unavailable', message: 'x' }, { 'retry-after': '7' })),
    ).toMatchObject({ kind: 'retry', afterMs: 7000 });
    expect(await deliver(order, () => Promise.reject(new TypeError('Failed to fetch')))).toMatchObject({
      kind: 'retry',
      unreachable: true,
    });
  });
});

describe('backoff', () => {
  it('doubles from about a second to at most five minutes, never below half the step', () => {
    const low = (n: number) => backoffMs(n, () => 0);
    const high = (n: number) => backoffMs(n, () => 1);
    expect([1, 2, 3, 4].map(high)).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map(low)).toEqual([500, 1000, 2000, 4000]);
    expect(high(30)).toBe(300_000);
    expect(low(30)).toBe(150_000);
  });
});
