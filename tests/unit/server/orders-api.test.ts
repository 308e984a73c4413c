import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../../src/server/main.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';
import { countOrders, fixtureShop, orderRequest, post, serverTotal, startOrdersServer } from './support.js';

// One contract, both backends: the embedded SQLite file and PostgreSQL behave the same.
describe.each(BACKENDS)('POST /api/orders (%s)', (backend) => {
  const shop = fixtureShop();
  let server: RunningServer;
  let total: number;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const ordersInDb = () => countOrders(server.data);

  beforeAll(async () => {
    database = await freshDatabase(backend);
    server = await startOrdersServer(shop, { databaseUrl: database.url });
    total = await serverTotal(server.url, orderRequest());
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    shop.remove();
  });

  it('stores a valid order, answers 201 with its number, and GET returns it confirmed', async () => {
    const request = orderRequest({ expectedTotal: total });
    const created = await post(server.url, request);
    expect(created.status).toBe(201);
    const order = created.body['order'] as { id: string; state: string; placedAt: string; quote: { total: number } };
    expect(order.id).toMatch(/^L-\w{5}-\w{5}$/);
    expect(order.state).toBe('confirmed');
    expect(order.quote.total).toBe(total);
    expect(created.headers.get('location')).toBe(`/api/orders/${order.id}`);

    const read = await fetch(`${server.url}/api/orders/${order.id}`);
    expect(read.status).toBe(200);
    // Anyone may know an order number: reading it back shows no personal data.
    const { contact: _contact, shippingAddress: _address, ...withoutPersonalData } = request;
    expect(await read.json()).toEqual({
      order: { ...order, stateChangedAt: order.placedAt, tracking: null, request: withoutPersonalData },
    });
  });

  it('prices with the server catalog and rules, whatever the client sends', async () => {
    // 2 × 19,99 € + 4,50 € = 44,48 €, below the free-shipping threshold: + 4,95 €.
    expect(total).toBe(4943);
    const express = await serverTotal(
      server.url,
      orderRequest({ cart: { ...orderRequest().cart, shipping: 'express' } }),
    );
    expect(express).toBe(4448 + 990);
    const three = { lines: [{ productId: 'p00001', quantity: 3 }], coupons: [], shipping: 'standard' as const };
    const answer = await post(server.url, orderRequest({ cart: three, expectedTotal: 5997 }));
    expect(answer.status).toBe(201);
    expect(answer.body['order']).toMatchObject({ quote: { subtotal: 5997, shipping: { price: 0 }, total: 5997 } });
  });

  it('answers a repeated key with the first answer and stores the order once', async () => {
    const before = await ordersInDb();
    const key = randomUUID();
    const request = orderRequest({ expectedTotal: total });
    const first = await post(server.url, request, key);
    // The same order with other spacing and key order is the same request.
    const second = await post(server.url, JSON.stringify(JSON.parse(JSON.stringify(request)), null, 2), key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await ordersInDb()).toBe(before + 1);
  });

  it('refuses a repeated key with a different body (422)', async () => {
    const key = randomUUID();
    expect((await post(server.url, orderRequest({ expectedTotal: total }), key)).status).toBe(201);
    const other = await post(server.url, orderRequest({ expectedTotal: total, payment: 'cash-on-delivery' }), key);
    expect(other.status).toBe(422);
    expect(other.body['error']).toBe('idempotency-key-reused');
  });

  it('answers a tampered price with 409 and the server quote, storing nothing', async () => {
    const before = await ordersInDb();
    const answer = await post(server.url, orderRequest({ expectedTotal: 1 }));
    expect(answer.status).toBe(409);
    expect(answer.body['error']).toBe('price-changed');
    expect(answer.body['quote']).toMatchObject({ total });
    expect(answer.body['message']).toMatch(/Preise haben sich geändert/);
    expect(await ordersInDb()).toBe(before);
  });

  it('refuses unknown products with 422 naming them', async () => {
    const request = orderRequest({ expectedTotal: total });
    request.cart.lines.push({ productId: 'p99999', quantity: 1 });
    const answer = await post(server.url, request);
    expect(answer.status).toBe(422);
    expect(answer.body['error']).toBe('unknown-product');
    expect(answer.body['message']).toContain('p99999');
  });

  it('answers malformed JSON with 400 and a readable message', async () => {
    const answer = await post(server.url, '{"cart": [1, 2,');
    expect(answer.status).toBe(400);
    expect(answer.body['error']).toBe('bad-json');
    expect(answer.body['message']).toMatch(/^Ungültiges JSON: /);
  });

  it('answers an invalid order with 400 naming each field', async () => {
    const request = orderRequest({ expectedTotal: total });
    request.shippingAddress.postalCode = '1234';
    request.contact.email = 'kein-at-zeichen';
    const answer = await post(server.url, request);
    expect(answer.status).toBe(400);
    expect(answer.body['issues']).toEqual(
      expect.arrayContaining([
        { path: 'shippingAddress.postalCode', message: expect.stringMatching(/fünfstellige Postleitzahl/) },
        { path: 'contact.email', message: expect.stringMatching(/E-Mail-Adresse/) },
      ]),
    );
  });

  it('requires a UUID Idempotency-Key (400)', async () => {
    for (const key of [null, 'abc']) {
      const answer = await post(server.url, orderRequest({ expectedTotal: total }), key);
      expect(answer.status).toBe(400);
      expect(answer.body['error']).toBe('missing-idempotency-key');
    }
  });

  it('refuses bodies over 64 KB with 413', async () => {
    const request = { ...orderRequest({ expectedTotal: total }), padding: 'x'.repeat(64 * 1024) };
    const answer = await post(server.url, request);
    expect(answer.status).toBe(413);
    expect(answer.body['error']).toBe('too-large');
  });

  it('creates exactly one order from 100 concurrent POSTs with the same key', async () => {
    const before = await ordersInDb();
    const key = randomUUID();
    const request = orderRequest({ expectedTotal: total });
    const answers = await Promise.all(Array.from({ length: 100 }, () => post(server.url, request, key)));
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => (a.body['order'] as { id: string }).id));
    expect(ids.size).toBe(1);
    // Every other answer is the first one replayed or "still running" (never a second order).
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body['error'] === 'in-progress'))).toBe(
      true,
    );
    expect(await ordersInDb()).toBe(before + 1);
  });

  it('sends the security headers on API answers', async () => {
    const answer = await post(server.url, '{');
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 404 for an order that does not exist', async () => {
    for (const id of ['L-00000-00000', 'nonsense']) {
      const response = await fetch(`${server.url}/api/orders/${id}`);
      expect(response.status).toBe(404);
    }
  });
});
