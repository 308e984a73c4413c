import { afterEach, describe, expect, it } from 'vitest';
import { openDataLayer, type DataLayer } from '../../../src/server/db/data-layer.js';
import { seedStock, stockItem } from '../../../src/server/db/stock-store.js';
import { OrderRefusal } from '../../../src/server/orders/effects.js';
import { stockEffects } from '../../../src/server/stock/effects.js';
import type { PlacedOrder } from '../../../src/domain/order.js';
import type { Quote } from '../../../src/domain/quote.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';
import { orderRequest } from './support.js';
import { stockCatalog } from './stock-support.js';

const placedOrder = (lines: PlacedOrder['request']['cart']['lines']): PlacedOrder => ({
  id: 'L-AAAAA-BBBBB',
  state: 'confirmed',
  placedAt: '2026-12-01T10:00:00.000Z',
  request: orderRequest({ cart: { lines, coupons: [], shipping: 'standard' } }),
  quote: {} as Quote,
});

describe.each(BACKENDS)('the stock effects of an order (%s)', (backend) => {
  let data: DataLayer;
  let drop: () => Promise<void>;
  afterEach(async () => {
    await data.close();
    await drop();
  });
  async function open() {
    const database = await freshDatabase(backend);
    drop = database.drop;
    data = await openDataLayer({ url: database.url });
    await data.transaction((trx) => seedStock(trx, stockCatalog()));
  }
  const available = async (sku: string) => (await stockItem(data.db, sku))?.available;
  const effects = stockEffects();

  it('puts an order’s units back when it is cancelled, and only then', async () => {
    await open();
    const order = placedOrder([
      { productId: 'p00003', quantity: 4 },
      { productId: 'p00004', variantId: 'p00004-s', quantity: 2 },
    ]);
    await data.transaction((trx) => effects.placed!(trx, order));
    expect(await available('p00003')).toBe(6);
    expect(await available('p00004/p00004-s')).toBe(0);

    const change = (from: string, to: string) => ({ order, from, to, details: {} });
    await data.transaction((trx) => effects.stateChanged!(trx, change('confirmed', 'processing')));
    expect(await available('p00003')).toBe(6);
    await data.transaction((trx) => effects.stateChanged!(trx, change('processing', 'cancelled')));
    expect(await available('p00003')).toBe(10);
    expect(await available('p00004/p00004-s')).toBe(2);
  });

  it('refuses an order short of stock with an OrderRefusal naming each short line', async () => {
    await open();
    const order = placedOrder([
      { productId: 'p00003', quantity: 6 },
      { productId: 'p00003', quantity: 5 },
    ]);
    const refusal = await data.transaction((trx) => effects.placed!(trx, order)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(OrderRefusal);
    expect((refusal as OrderRefusal).status).toBe(409);
    expect((refusal as OrderRefusal).body).toMatchObject({
      error: 'out-of-stock',
      lines: [{ productId: 'p00003', requested: 11, available: 10 }],
    });
    expect(await available('p00003')).toBe(10);
  });

  it('cannot go below zero even when asked to directly', async () => {
    await open();
    const write = data.transaction((trx) =>
      trx.updateTable('stock').set({ available: -1 }).where('sku', '=', 'p00003').execute(),
    );
    await expect(write).rejects.toThrow(/check/i);
    expect(await available('p00003')).toBe(10);
  });
});
