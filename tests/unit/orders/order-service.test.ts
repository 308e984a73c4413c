import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDb } from '../storage/support.js';
import { closeDatabase } from '../../../src/storage/db.js';
import { loadCart, saveCart } from '../../../src/storage/cart-store.js';
import { getOrder, listOrders } from '../../../src/storage/outbox-store.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';
import { OrderService, type OrderDelivery } from '../../../src/services/order-service.js';
import { createPricingEngine } from '../../../src/wasm/pricing.js';
import { fixtureCatalog, fixtureRules, orderRequest } from '../server/support.js';

const request = orderRequest({ expectedTotal: 4943 });
const pricing = await createPricingEngine(fixtureCatalog(), parseRules(fixtureRules));
const quote = pricing.quote(request.cart);

/** Counts the delivery passes asked for, and what was stored when each was asked. */
function countingDelivery(): OrderDelivery & { passes: number[] } {
  const passes: number[] = [];
  return {
    passes,
    start() {},
    stop() {},
    deliverSoon() {
      void listOrders().then((orders) => passes.push(orders.length));
    },
  };
}

describe('the order service', () => {
  beforeEach(async () => {
    freshIndexedDb();
    await saveCart(request.cart);
  });
  afterEach(closeDatabase);

  it('stores an order from the cart before it asks for delivery', async () => {
    const delivery = countingDelivery();
    const order = await new OrderService(delivery).place(request, quote);
    expect(await getOrder(order.key)).toMatchObject({ state: 'pending', request });
    expect((await loadCart()).lines).toEqual([]);
    await expect.poll(() => delivery.passes).toEqual([1]);
  });

  it('orders a rejected order again at the new price and links the two', async () => {
    const delivery = countingDelivery();
    const service = new OrderService(delivery);
    const first = await service.place(request, quote);
    await saveCart(request.cart);
    const again = await service.reorder(first, { ...quote, total: quote.total + 100 });
    expect(again.key).not.toBe(first.key);
    expect(again.request.expectedTotal).toBe(quote.total + 100);
    expect((await getOrder(first.key))?.resolution).toEqual({ action: 'reordered', key: again.key });
    expect((await loadCart()).lines).toEqual(request.cart.lines);
    await expect.poll(() => delivery.passes.length).toBe(2);
  });

  it('records that the articles of an order went back into the cart', async () => {
    const service = new OrderService(countingDelivery());
    const order = await service.place(request, quote);
    await service.returnedToCart(order);
    expect((await getOrder(order.key))?.resolution).toEqual({ action: 'returned-to-cart' });
  });
});
