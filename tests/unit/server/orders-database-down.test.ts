import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataLayer } from '../../../src/server/db/data-layer.js';
import type { RunningServer } from '../../../src/server/main.js';
import { startTestPostgres, type TestPostgres } from '../../support/postgres.js';
import { fixtureShop, orderRequest, post, serverTotal, startOrdersServer } from './support.js';

// PostgreSQL goes away under load (a restart, a failover) and comes back: the server says 503 with
// Retry-After meanwhile, loses nothing it confirmed, and serves again without being restarted.
describe('PostgreSQL down and back mid-load', () => {
  const shop = fixtureShop();
  let postgres: TestPostgres;
  let server: RunningServer;

  beforeAll(async () => {
    // A cluster of its own: this test stops it.
    postgres = await startTestPostgres();
    server = await startOrdersServer(shop, { databaseUrl: postgres.url });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    postgres?.destroy();
    shop.remove();
  });

  it('answers 503 with Retry-After while it is down, then stores again; every 201 is kept', async () => {
    const body = orderRequest({ expectedTotal: await serverTotal(server.url, orderRequest()) });
    const confirmed: string[] = [];
    const unavailable: { retryAfter: string | null; error: unknown }[] = [];
    const other: number[] = [];
    let phase: 'up' | 'down' | 'back' = 'up';
    let running = true;
    const client = async () => {
      while (running) {
        const answer = await post(server.url, body);
        if (answer.status === 201) confirmed.push((answer.body['order'] as { id: string }).id);
        else if (answer.status === 503)
          unavailable.push({ retryAfter: answer.headers.get('retry-after'), error: answer.body['error'] });
        else if (!(answer.status === 409 && answer.body['error'] === 'in-progress')) other.push(answer.status);
        if (phase === 'down') await new Promise((r) => setTimeout(r, 20));
      }
    };
    const clients = Array.from({ length: 6 }, client);
    while (confirmed.length < 20) await new Promise((r) => setTimeout(r, 5));

    phase = 'down';
    postgres.stop('fast');
    const seen = unavailable.length;
    while (unavailable.length < seen + 5) await new Promise((r) => setTimeout(r, 10));
    postgres.start();
    phase = 'back';
    const before = confirmed.length;
    while (confirmed.length < before + 20) await new Promise((r) => setTimeout(r, 10));
    running = false;
    await Promise.all(clients);

    expect(unavailable.length).toBeGreaterThanOrEqual(5);
    expect(unavailable.every((u) => u.retryAfter !== null && u.error === 'unavailable')).toBe(true);
    expect(other).toEqual([]);
    const data = await openDataLayer({ url: postgres.url });
    try {
      const rows = await data.db.selectFrom('orders').select('id').execute();
      const stored = new Set(rows.map((r) => r.id));
      expect(confirmed.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await data.close();
    }
  }, 120_000);
});
