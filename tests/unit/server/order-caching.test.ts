import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { orderRequest, post, useOrdersServer } from './support.js';

/** Every answer of the orders API, whatever its status, is `Cache-Control: no-store`. */
describe('order answers are never cached', () => {
  const server = useOrdersServer();

  it('POST: created, replayed, refused, too large, conflicting', async () => {
    const key = randomUUID();
    const answers = [
      await post(server.url, orderRequest({ expectedTotal: server.total }), key),
      await post(server.url, orderRequest({ expectedTotal: server.total }), key),
      await post(server.url, orderRequest({ expectedTotal: server.total + 1 })),
      await post(server.url, orderRequest({ expectedTotal: server.total, payment: 'invoice' }), key.replace(/.$/, '0')),
      await post(server.url, '{'),
      await post(server.url, orderRequest(), null),
      await post(server.url, { ...orderRequest(), padding: 'x'.repeat(70_000) }),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 201, 409, 201, 400, 400, 413]);
    for (const answer of answers) expect(answer.headers.get('cache-control'), String(answer.status)).toBe('no-store');
  });

  it('GET: an order, a missing order, another path, another method', async () => {
    const created = await post(server.url, orderRequest({ expectedTotal: server.total }));
    const id = (created.body['order'] as { id: string }).id;
    const responses = [
      await fetch(`${server.url}/api/orders/${id}`),
      await fetch(`${server.url}/api/orders/L-00000-00000`),
      await fetch(`${server.url}/api/orders/${id}/adresse`),
      await fetch(`${server.url}/api/orders`),
      await fetch(`${server.url}/api/orders/${id}`, { method: 'DELETE' }),
    ];
    expect(responses[0]!.status).toBe(200);
    for (const response of responses) {
      expect(response.headers.get('cache-control'), `${response.status} ${response.url}`).toBe('no-store');
    }
  });
});
