import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failCommitsWithQuota, freshIndexedDb } from '../storage/support.js';
import { closeDatabase } from '../../../src/storage/db.js';
import { loadCart, saveCart } from '../../../src/storage/cart-store.js';
import { getOrder, listOrders, placeOrder, undeliveredOrders, updateOrder } from '../../../src/storage/outbox-store.js';
import { watchOutbox } from '../../../src/storage/outbox-sync.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';
import { createPricingEngine } from '../../../src/wasm/pricing.js';
import { fixtureCatalog, fixtureRules, orderRequest } from '../server/support.js';

const request = orderRequest({ expectedTotal: 4943 });
const pricing = await createPricingEngine(fixtureCatalog(), parseRules(fixtureRules));
const quote = pricing.quote(request.cart);

describe('the order outbox', () => {
  beforeEach(async () => {
    freshIndexedDb();
    await saveCart(request.cart);
  });
  afterEach(closeDatabase);

  it('stores the order as pending and empties the cart in the same step', async () => {
    const heard: string[] = [];
    const stop = watchOutbox(() => heard.push('changed'));
    const order = await placeOrder(request, quote);
    stop();
    expect(order.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getOrder(order.key)).toMatchObject({ state: 'pending', request, attempts: 0 });
    expect((await loadCart()).lines).toEqual([]);
    expect(heard).toEqual(['changed']);
  });

  it('keeps the cart when the order cannot be stored', async () => {
    const first = await placeOrder(request, quote);
    await saveCart(request.cart);
    // The same key again: IndexedDB refuses the add, and the whole transaction with it.
    await expect(placeOrder(request, quote, { key: first.key })).rejects.toThrow();
    expect((await loadCart()).lines).toEqual(request.cart.lines);
    expect(await listOrders()).toHaveLength(1);
  });

  it('leaves the cart alone when a rejected order is ordered again', async () => {
    const order = await placeOrder(request, quote, { fromCart: false });
    expect((await getOrder(order.key))?.state).toBe('pending');
    expect((await loadCart()).lines).toEqual(request.cart.lines);
  });

  it('lists the newest order first and offers only undelivered ones for sending', async () => {
    const older = await placeOrder(request, quote);
    await new Promise((r) => setTimeout(r, 5));
    const newer = await placeOrder(request, quote);
    await updateOrder(older.key, (o) => (o.state === 'pending' ? { ...o, state: 'rejected' } : undefined));
    expect((await listOrders()).map((o) => o.key)).toEqual([newer.key, older.key]);
    expect((await undeliveredOrders()).map((o) => o.key)).toEqual([newer.key]);
  });
  it('on a full device (the commit aborts with QuotaExceededError) stores nothing, keeps the cart, says so', async () => {
    const room = failCommitsWithQuota('outbox');
    try {
      const failed = placeOrder(request, quote);
      await expect(failed).rejects.toMatchObject({ name: 'StorageFullError' });
      await expect(failed).rejects.toThrow(/Speicher dieses Geräts ist voll: Die Bestellung wurde nicht gespeichert/);
    } finally {
      room();
    }
    expect(await listOrders()).toEqual([]);
    expect((await loadCart()).lines).toEqual(request.cart.lines);
    // With room again the same order goes in.
    await placeOrder(request, quote);
    expect(await listOrders()).toHaveLength(1);
  });
});
