import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDb } from '../storage/support.js';
import { closeDatabase, database, openLadenDb } from '../../../src/storage/db.js';
import { placeOrder } from '../../../src/storage/outbox-store.js';
import { flushOutbox } from '../../../src/services/order-sender.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';
import { createPricingEngine } from '../../../src/wasm/pricing.js';
import { fixtureCatalog, fixtureRules, orderRequest, useOrdersServer } from '../server/support.js';

const pricing = await createPricingEngine(fixtureCatalog(), parseRules(fixtureRules));

/** Everything orderRequest() says about the shopper, plus a phone number. */
const PERSONAL = ['erika@example.de', '0221 9876543', 'Erika', 'Mustermann', 'Heidestraße 17', 'Köln'];

/** Which of the shopper's details the stored record (as IndexedDB holds it) still contains. */
const personalIn = (record: unknown): string[] => PERSONAL.filter((v) => JSON.stringify(record).includes(v));

const stored = async (key: string): Promise<unknown> => (await database()).get('outbox', key);

const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe("the shopper's details in the order outbox", () => {
  const server = useOrdersServer();
  const api = (): typeof fetch => (input, init) => fetch(new URL(String(input), server.url), init);
  const place = (expectedTotal = server.total) => {
    const request = orderRequest({ contact: { email: 'erika@example.de', phone: '0221 9876543' }, expectedTotal });
    return placeOrder(request, pricing.quote(request.cart));
  };

  beforeEach(freshIndexedDb);
  afterEach(closeDatabase);

  it('are kept while the order waits to be sent, and dropped once the server stored it', async () => {
    const { key } = await place();
    await flushOutbox({ fetch: offline });
    expect(personalIn(await stored(key))).toEqual(PERSONAL);

    expect(await flushOutbox({ fetch: api(), force: true })).toMatchObject({ confirmed: 1 });
    const confirmed = await stored(key);
    expect(personalIn(confirmed)).toEqual([]);
    // What the order history shows is all there.
    expect(confirmed).toMatchObject({
      state: 'confirmed',
      order: { id: expect.stringMatching(/^L-/), state: 'confirmed', quote: { total: server.total } },
      request: { cart: orderRequest().cart, payment: 'invoice', expectedTotal: server.total },
    });
  });

  it('are dropped when the first answer was lost and the next send finds the order stored', async () => {
    const { key } = await place();
    const lostAnswer: typeof fetch = async (input, init) => {
      await api()(input, init);
      throw new TypeError('connection reset');
    };
    await flushOutbox({ fetch: lostAnswer });
    expect(await stored(key)).toMatchObject({ state: 'pending' });
    expect(personalIn(await stored(key))).toEqual(PERSONAL);
    await flushOutbox({ fetch: api(), force: true });
    expect(await stored(key)).toMatchObject({ state: 'confirmed' });
    expect(personalIn(await stored(key))).toEqual([]);
  });

  it('stay with a refused order, which can be ordered again', async () => {
    const { key } = await place(server.total - 1);
    expect(await flushOutbox({ fetch: api() })).toMatchObject({ rejected: 1 });
    expect(await stored(key)).toMatchObject({ state: 'rejected' });
    expect(personalIn(await stored(key))).toEqual(PERSONAL);
  });

  it('are not taken from a confirmation that carries them, nor is anything else it adds', async () => {
    const { key } = await place();
    const request = orderRequest();
    const chatty: typeof fetch = () =>
      Promise.resolve(
        Response.json(
          {
            order: {
              id: 'L-AAAAA-BBBBB',
              state: 'confirmed',
              placedAt: '2026-12-01T09:00:00Z',
              quote: pricing.quote(request.cart),
              request,
              note: 'Erika Mustermann, 0221 9876543',
            },
          },
          { status: 201 },
        ),
      );
    await flushOutbox({ fetch: chatty });
    expect(await stored(key)).toMatchObject({ state: 'confirmed', order: { id: 'L-AAAAA-BBBBB' } });
    expect(personalIn(await stored(key))).toEqual([]);
  });

  it('of orders confirmed before this version are dropped at the next start; waiting orders keep them', async () => {
    const request = orderRequest({ contact: { email: 'erika@example.de', phone: '0221 9876543' } });
    const quote = pricing.quote(request.cart);
    const base = { quote, createdAt: 1, attempts: 1, nextAttemptAt: 1 };
    const placed = { id: 'L-CCCCC-DDDDD', state: 'shipped', placedAt: '2026-12-01T09:00:00Z', quote, request };
    const fulfilment = { state: 'shipped', changedAt: '2026-12-02T09:00:00Z', tracking: null, checkedAt: 2 };
    // As version 4 of the shop stored them: a confirmed order kept the whole request.
    const old = await openLadenDb({ version: 4 });
    await old.put('outbox', {
      ...base,
      key: 'confirmed',
      state: 'confirmed',
      request,
      order: placed,
      fulfilment,
    } as never);
    await old.put('outbox', { ...base, key: 'pending', state: 'pending', request });
    await old.put('outbox', { ...base, key: 'rejected', state: 'rejected', request });
    old.close();

    expect(personalIn(await stored('confirmed'))).toEqual([]);
    expect(await stored('confirmed')).toMatchObject({
      state: 'confirmed',
      order: { id: 'L-CCCCC-DDDDD', quote: { total: quote.total } },
      request: { cart: request.cart, payment: 'invoice' },
      fulfilment,
    });
    expect(await stored('pending')).toEqual({ ...base, key: 'pending', state: 'pending', request });
    expect(await stored('rejected')).toEqual({ ...base, key: 'rejected', state: 'rejected', request });
  });
});
