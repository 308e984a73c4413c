import { afterAll, describe, expect, it } from 'vitest';
import { openDataLayer } from '../../../src/server/db/data-layer.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';
import { startServerProcess } from '../../support/server-process.js';
import { fixtureShop, orderRequest, post, serverTotal } from './support.js';

// kill -9 in the middle of a stream of orders: whatever was answered 201 must be stored after the
// restart, and nothing may be half stored (an order without its key's answer, or the reverse).
describe.each(BACKENDS)('a server killed mid-load (%s)', (backend) => {
  const shop = fixtureShop();
  afterAll(() => shop.remove());

  it('keeps every order it answered 201, and no half-written one', async () => {
    const database = await freshDatabase(backend);
    try {
      const server = await startServerProcess({ database: database.url, distDir: shop.dist });
      const body = orderRequest({ expectedTotal: await serverTotal(server.url, orderRequest()) });
      const confirmed: string[] = [];
      let killed = false;
      const client = async () => {
        while (!killed) {
          try {
            const answer = await post(server.url, body);
            if (answer.status === 201) confirmed.push((answer.body['order'] as { id: string }).id);
          } catch {
            return; // the connection died with the server
          }
        }
      };
      const clients = Array.from({ length: 12 }, client);
      // Kill once a good number of orders is through, while the others are in flight.
      while (confirmed.length < 60) await new Promise((r) => setTimeout(r, 5));
      killed = true;
      await server.kill();
      await Promise.all(clients);

      // A new server on the same database starts and serves (recovery needs no manual step) …
      const restarted = await startServerProcess({ database: database.url, distDir: shop.dist });
      expect((await post(restarted.url, body)).status).toBe(201);
      await restarted.close();

      const data = await openDataLayer({ url: database.url });
      try {
        const orders = await data.db.selectFrom('orders').select(['id', 'idempotency_key']).execute();
        const stored = new Set(orders.map((o) => o.id));
        expect(confirmed.filter((id) => !stored.has(id))).toEqual([]);
        // … and every stored order has its key answered 201 with that very order.
        const keys = await data.db.selectFrom('idempotency_keys').selectAll().execute();
        const byKey = new Map(keys.map((k) => [k.key, k]));
        for (const order of orders) {
          const key = byKey.get(order.idempotency_key);
          expect(key?.response_status).toBe(201);
          expect(key?.response_body).toContain(order.id);
        }
        // A key answered 201 without its order would be a lost order.
        const answered201 = keys.filter((k) => k.response_status === 201);
        expect(answered201).toHaveLength(orders.length);
      } finally {
        await data.close();
      }
    } finally {
      await database.drop();
    }
  }, 90_000);
});
