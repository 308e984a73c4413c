import { afterEach, describe, expect, it } from 'vitest';
import { openDataLayer } from '../../../../src/server/db/data-layer.js';
import { MIGRATIONS } from '../../../../src/server/db/migrate.js';
import { BACKENDS, freshDatabase } from '../../../support/databases.js';
import { orderRequest } from '../support.js';

describe.each(BACKENDS)('the order fulfilment migration (%s)', (backend) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('keeps existing orders, confirmed, and widens the states they may take', async () => {
    const database = await freshDatabase(backend);
    cleanup.push(database.drop);
    const before = MIGRATIONS.findIndex((m) => m.name === 'order-fulfilment');
    const old = await openDataLayer({ url: database.url, schemaVersion: before });
    const row = (id: string, key: string, payment: string) => ({
      id,
      idempotency_key: key,
      state: 'confirmed',
      placed_at: '2026-11-01T10:00:00.000Z',
      email: 'erika@example.de',
      payment,
      total_cents: 4943,
      request_json: JSON.stringify(orderRequest()),
      quote_json: '{}',
    });
    // The columns the orders table had before this migration.
    await old.db
      .insertInto('orders')
      .values([row('L-AAAAA-BBBBB', 'k1', 'invoice'), row('L-CCCCC-DDDDD', 'k2', 'cash-on-delivery')] as never)
      .execute();
    await old.close();

    const data = await openDataLayer({ url: database.url });
    cleanup.push(() => data.close());
    const orders = await data.db
      .selectFrom('orders')
      .select(['id', 'state', 'version', 'state_changed_at', 'payment_state', 'name', 'name_folded', 'total_cents'])
      .orderBy('id')
      .execute();
    expect(orders).toEqual([
      {
        id: 'L-AAAAA-BBBBB',
        state: 'confirmed',
        version: 1,
        state_changed_at: '2026-11-01T10:00:00.000Z',
        payment_state: 'open',
        name: 'Erika Mustermann',
        name_folded: 'erika mustermann',
        total_cents: 4943,
      },
      expect.objectContaining({ id: 'L-CCCCC-DDDDD', payment_state: null }),
    ]);
    await data.db.updateTable('orders').set({ state: 'shipped' }).where('id', '=', 'L-AAAAA-BBBBB').execute();
    await expect(
      data.db.updateTable('orders').set({ state: 'lost' }).where('id', '=', 'L-AAAAA-BBBBB').execute(),
    ).rejects.toThrow(/check/i);
  });
});
