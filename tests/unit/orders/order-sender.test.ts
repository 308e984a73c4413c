import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Sqlite from 'better-sqlite3';
import { freshIndexedDb } from '../storage/support.js';
import { closeDatabase } from '../../../src/storage/db.js';
import { getOrder, placeOrder } from '../../../src/storage/outbox-store.js';
import { flushOutbox } from '../../../src/services/order-sender.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';
import { createPricingEngine } from '../../../src/wasm/pricing.js';
import type { RunningServer } from '../../../src/server/main.js';
import {
  fixtureCatalog,
  fixtureRules,
  fixtureShop,
  orderRequest,
  serverTotal,
  startOrdersServer,
} from '../server/support.js';

const pricing = await createPricingEngine(fixtureCatalog(), parseRules(fixtureRules));

describe('the order sender', () => {
  const shop = fixtureShop();
  let server: RunningServer;
  let total: number;
  const ordersOnServer = (key: string): number => {
    const db = new Sqlite(shop.dbPath, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM orders WHERE idempotency_key = ?').get(key) as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const place = () => {
    const request = orderRequest({ expectedTotal: total });
    return placeOrder(request, pricing.quote(request.cart));
  };
  const api = (): typeof fetch => (input, init) => fetch(new URL(String(input), server.url), init);

  beforeAll(async () => {
    server = await startOrdersServer(shop);
    total = await serverTotal(server.url, orderRequest());
  });
  afterAll(async () => {
    await server?.close();
    shop.remove();
  });
  beforeEach(freshIndexedDb);
  afterEach(closeDatabase);

  it('delivers a pending order and keeps the server order number', async () => {
    const { key } = await place();
    expect(await flushOutbox({ fetch: api() })).toMatchObject({ confirmed: 1, rejected: 0 });
    const order = await getOrder(key);
    expect(order?.state).toBe('confirmed');
    expect(order?.order?.id).toMatch(/^L-/);
    expect(ordersOnServer(key)).toBe(1);
  });

  it('keeps an order placed offline until the network is back, then delivers it once', async () => {
    const { key } = await place();
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const result = await flushOutbox({ fetch: offline });
    expect(result.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(await getOrder(key)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'Der Server ist nicht erreichbar.',
    });
    // Not due yet: a timer-driven pass leaves it alone; the `online` event forces a pass.
    expect(await flushOutbox({ fetch: api() })).toMatchObject({ confirmed: 0 });
    expect(await flushOutbox({ fetch: api(), force: true })).toMatchObject({ confirmed: 1 });
    expect(ordersOnServer(key)).toBe(1);
  });

  it('retries 503 answers with growing pauses and stores one order', async () => {
    const { key } = await place();
    let calls = 0;
    const flaky: typeof fetch = (input, init) =>
      ++calls <= 2
        ? Promise.resolve(Response.json({ error: 'unavailable', message: 'Später' }, { status: 503 }))
        : api()(input, init);
    const first = await flushOutbox({ fetch: flaky });
    const second = await flushOutbox({ fetch: flaky, force: true });
    expect(second.nextAttemptAt! - Date.now()).toBeGreaterThan(first.nextAttemptAt! - Date.now() - 50);
    expect(await getOrder(key)).toMatchObject({ state: 'pending', attempts: 2, lastError: 'Später' });
    expect(await flushOutbox({ fetch: flaky, force: true })).toMatchObject({ confirmed: 1 });
    expect(ordersOnServer(key)).toBe(1);
  });

  it('sends again after an answer was lost, and the server answers with the same order', async () => {
    const { key } = await place();
    const lostAnswer: typeof fetch = async (input, init) => {
      await api()(input, init);
      throw new TypeError('connection reset');
    };
    await flushOutbox({ fetch: lostAnswer });
    expect((await getOrder(key))?.state).toBe('pending');
    expect(ordersOnServer(key)).toBe(1);
    await flushOutbox({ fetch: api(), force: true });
    expect((await getOrder(key))?.state).toBe('confirmed');
    expect(ordersOnServer(key)).toBe(1);
  });

  it('brings a refused order back with the reason and the server quote', async () => {
    const request = orderRequest({ expectedTotal: total - 100 });
    const { key } = await placeOrder(request, pricing.quote(request.cart));
    expect(await flushOutbox({ fetch: api() })).toMatchObject({ rejected: 1 });
    const order = await getOrder(key);
    expect(order?.state).toBe('rejected');
    expect(order?.problem).toMatchObject({ error: 'price-changed', quote: { total } });
    expect(ordersOnServer(key)).toBe(0);
  });
  it('backs off 1, 2, 4 … seconds up to 5 minutes, and never lets an order expire', async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    vi.spyOn(Math, 'random').mockReturnValue(1);
    try {
      const { key } = await place();
      const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
      const pauses: number[] = [];
      for (let attempt = 1; attempt <= 14; attempt++) {
        await flushOutbox({ fetch: offline, force: true });
        const order = (await getOrder(key))!;
        expect(order).toMatchObject({ state: 'pending', attempts: attempt });
        pauses.push(order.nextAttemptAt - Date.now());
        // A month passes between attempts: more than a year in all.
        vi.setSystemTime(Date.now() + 30 * 24 * 3600_000);
      }
      expect(pauses).toEqual([
        1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000, 300_000,
        300_000,
      ]);
      // Fourteen months later the order is still there and goes through, once.
      expect(await flushOutbox({ fetch: api() })).toMatchObject({ confirmed: 1 });
      expect(ordersOnServer(key)).toBe(1);
    } finally {
      vi.restoreAllMocks();
      vi.useRealTimers();
    }
  });

  it('treats a proxy or captive portal page as "not reached": the order stays and goes out later', async () => {
    const { key } = await place();
    for (const [status, page] of [
      [404, '<html><h1>404 Not Found</h1>nginx</html>'],
      [403, '<html>Bitte melden Sie sich im Hotel-WLAN an</html>'],
      [200, '<html>WLAN-Anmeldung</html>'],
    ] as const) {
      const portal: typeof fetch = () =>
        Promise.resolve(new Response(page, { status, headers: { 'content-type': 'text/html' } }));
      expect(await flushOutbox({ fetch: portal, force: true })).toMatchObject({ confirmed: 0, rejected: 0 });
      expect(await getOrder(key)).toMatchObject({ state: 'pending' });
    }
    expect(await flushOutbox({ fetch: api(), force: true })).toMatchObject({ confirmed: 1 });
    expect(ordersOnServer(key)).toBe(1);
  });
});
