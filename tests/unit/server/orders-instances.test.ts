import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDataLayer, type DataLayer } from '../../../src/server/db/data-layer.js';
import { freshDatabase } from '../../support/databases.js';
import { startServerProcess, type ServerProcess } from '../../support/server-process.js';
import { countOrders, fixtureShop, orderRequest, post, serverTotal } from './support.js';

// Stateless servers: two `laden serve` processes on one PostgreSQL database. Exactly-once and every
// stored order rest on the database, so what one instance knows the other knows too.
describe('two server processes on one PostgreSQL', { timeout: 60_000 }, () => {
  const shop = fixtureShop();
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let instances: ServerProcess[] = [];
  let data: DataLayer;
  let total: number;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    instances = await Promise.all([1, 2].map(() => startServerProcess({ database: database.url, distDir: shop.dist })));
    data = await openDataLayer({ url: database.url });
    total = await serverTotal(instances[0]!.url, orderRequest());
  }, 60_000);
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await data?.close();
    await database?.drop();
    shop.remove();
  });

  it('makes exactly one order of 100 concurrent POSTs with one key spread over both', async () => {
    const key = randomUUID();
    const body = orderRequest({ expectedTotal: total });
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => post(instances[i % 2]!.url, body, key)));
    const created = answers.filter((a) => a.status === 201);
    // Each answer is the first answer replayed, or "still in progress, try again".
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body['error'] === 'in-progress'))).toBe(
      true,
    );
    expect(created.length).toBeGreaterThan(0);
    const ids = new Set(created.map((a) => (a.body['order'] as { id: string }).id));
    expect(ids.size).toBe(1);
    expect(await countOrders(data, key)).toBe(1);
    // After the storm, either instance replays the same answer.
    const [again1, again2] = await Promise.all(instances.map((i) => post(i.url, body, key)));
    expect(again1!.body).toEqual(created[0]!.body);
    expect(again2!.body).toEqual(created[0]!.body);
  });

  it('stores 500 distinct orders spread over both, each 201 matched by its row', async () => {
    const before = await countOrders(data);
    const body = orderRequest({ expectedTotal: total });
    const answers: { status: number; id?: string }[] = [];
    // 25 clients at a time, each with its own keys.
    await Promise.all(
      Array.from({ length: 25 }, async (_, client) => {
        for (let n = 0; n < 20; n++) {
          const answer = await post(instances[(client + n) % 2]!.url, body);
          answers.push({ status: answer.status, id: (answer.body['order'] as { id: string } | undefined)?.id });
        }
      }),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(500);
    expect(await countOrders(data)).toBe(before + 500);
    const ids = answers.map((a) => a.id!);
    const rows = await data.db.selectFrom('orders').select('id').where('id', 'in', ids).execute();
    expect(rows).toHaveLength(500);
  }, 60_000);

  it('refuses the same key with another body on the other instance (422)', async () => {
    const key = randomUUID();
    expect((await post(instances[0]!.url, orderRequest({ expectedTotal: total }), key)).status).toBe(201);
    const other = await post(
      instances[1]!.url,
      orderRequest({ expectedTotal: total, payment: 'cash-on-delivery' }),
      key,
    );
    expect(other.status).toBe(422);
  });
});
