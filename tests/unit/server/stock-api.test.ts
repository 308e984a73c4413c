import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../../src/server/main.js';
import { setStock, stockItem } from '../../../src/server/db/stock-store.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';
import {
  countOrders,
  fixtureCatalog,
  fixtureShop,
  orderRequest,
  post,
  serverTotal,
  startOrdersServer,
} from './support.js';
import { postUntilAnswered, stockCatalog } from './stock-support.js';

const oneOf = (productId: string, quantity: number, variantId?: string) =>
  orderRequest({
    cart: { lines: [{ productId, ...(variantId ? { variantId } : {}), quantity }], coupons: [], shipping: 'standard' },
  });

// 50 orders at once on a machine that may be busy: slow is fine, wrong is not.
vi.setConfig({ testTimeout: 60_000 });

describe.each(BACKENDS)('stock (%s)', (backend) => {
  const shop = fixtureShop(stockCatalog());
  let server: RunningServer;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const available = async (sku: string) => (await stockItem(server.data.db, sku))?.available;
  /** Places `request` at the price the server quotes for it. */
  const order = async (request: ReturnType<typeof oneOf>) =>
    post(server.url, { ...request, expectedTotal: await serverTotal(server.url, request) });

  beforeAll(async () => {
    database = await freshDatabase(backend);
    server = await startOrdersServer(shop, { databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    shop.remove();
  });

  it('seeds every product and variant from the catalog', async () => {
    const response = await fetch(`${server.url}/api/stock`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      stock: { p00001: 50, p00002: 50, p00003: 10, 'p00004/p00004-s': 2, 'p00004/p00004-m': 0, p00005: 50 },
    });
  });

  it('answers GET /api/stock?products= with the items of those products alone, and refuses bad lists', async () => {
    const some = await fetch(`${server.url}/api/stock?products=p00004,p00001,nope`);
    expect(some.status).toBe(200);
    expect(await some.json()).toEqual({ stock: { p00001: 50, 'p00004/p00004-s': 2, 'p00004/p00004-m': 0 } });
    const tooMany = Array.from({ length: 101 }, (_, i) => `p${String(i).padStart(5, '0')}`).join(',');
    for (const query of ['', ',', tooMany, "p00001,x' OR '1'='1", 'p00001,%3Cscript%3E']) {
      const refused = await fetch(`${server.url}/api/stock?products=${query}`);
      expect([query.slice(0, 20), refused.status]).toEqual([query.slice(0, 20), 400]);
      expect((await refused.json()).error).toBe('bad-request');
    }
  });

  it('answers GET /api/stock/:productId with the sum and each variant, 404 for an unknown product', async () => {
    const shirt = await fetch(`${server.url}/api/stock/p00004`);
    expect(await shirt.json()).toEqual({
      productId: 'p00004',
      available: 2,
      variants: { 'p00004-s': 2, 'p00004-m': 0 },
    });
    expect(await (await fetch(`${server.url}/api/stock/p00003`)).json()).toEqual({
      productId: 'p00003',
      available: 10,
    });
    expect((await fetch(`${server.url}/api/stock/nope`)).status).toBe(404);
  });

  it('sends a strong ETag, answers 304 to If-None-Match, and a new tag once stock changed', async () => {
    for (const encoding of ['identity', 'gzip']) {
      const first = await fetch(`${server.url}/api/stock`, { headers: { 'accept-encoding': encoding } });
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
      const again = await fetch(`${server.url}/api/stock`, {
        headers: { 'if-none-match': etag!, 'accept-encoding': encoding },
      });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    const before = (await fetch(`${server.url}/api/stock`)).headers.get('etag')!;
    expect((await order(oneOf('p00005', 1))).status).toBe(201);
    const after = await fetch(`${server.url}/api/stock`, { headers: { 'if-none-match': before } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    expect(((await after.json()) as { stock: Record<string, number> }).stock['p00005']).toBe(49);
  });

  it('takes an order’s units in the order’s transaction, variants by their own sku', async () => {
    expect((await order(oneOf('p00002', 3))).status).toBe(201);
    expect(await available('p00002')).toBe(47);
    expect((await order(oneOf('p00004', 1, 'p00004-s'))).status).toBe(201);
    expect(await available('p00004/p00004-s')).toBe(1);
    expect(await available('p00004/p00004-m')).toBe(0);
  });

  it('refuses an order that asks for more than is there with 409 out-of-stock, storing nothing', async () => {
    const ordersBefore = await countOrders(server.data);
    const request = orderRequest({
      cart: {
        lines: [
          { productId: 'p00001', quantity: 1 },
          { productId: 'p00004', variantId: 'p00004-s', quantity: 2 },
          { productId: 'p00004', variantId: 'p00004-m', quantity: 1 },
        ],
        coupons: [],
        shipping: 'standard',
      },
    });
    const answer = await order(request);
    expect(answer.status).toBe(409);
    expect(answer.body['error']).toBe('out-of-stock');
    expect(answer.body['message']).toMatch(/nur noch 1 verfügbar \(bestellt: 2\)/);
    expect(answer.body['lines']).toEqual([
      { productId: 'p00004', variantId: 'p00004-m', requested: 1, available: 0 },
      { productId: 'p00004', variantId: 'p00004-s', requested: 2, available: 1 },
    ]);
    expect(await countOrders(server.data)).toBe(ordersBefore);
    // The line that was there was not taken either: all or nothing.
    expect(await available('p00001')).toBe(50);
    expect(await available('p00004/p00004-s')).toBe(1);
  });

  it('sells what the database holds, even beyond the catalog’s starting figure', async () => {
    await server.data.transaction((trx) => setStock(trx, 'p00004/p00004-m', 60));
    const answer = await order(oneOf('p00004', 55, 'p00004-m'));
    expect(answer.status).toBe(201);
    expect(await available('p00004/p00004-m')).toBe(5);
  });

  it('sells 10 units to exactly 10 of 50 concurrent shoppers and never goes below zero', async () => {
    const request = oneOf('p00003', 1);
    const total = await serverTotal(server.url, request);
    const ordersBefore = await countOrders(server.data);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => postUntilAnswered(server.url, { ...request, expectedTotal: total })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body).toMatchObject({ error: 'out-of-stock', lines: [{ productId: 'p00003', available: 0 }] });
    }
    expect(await countOrders(server.data)).toBe(ordersBefore + 10);
    expect(await available('p00003')).toBe(0);
  });

  it('keeps the database’s stock over a restart; only items new to the catalog start from it', async () => {
    await server.close();
    const catalog = stockCatalog();
    catalog.products.push({ ...fixtureCatalog().products[0]!, id: 'p00006', slug: 'neu', stock: 7 });
    const restarted = fixtureShop(catalog);
    try {
      server = await startOrdersServer(restarted, { databaseUrl: database.url });
      expect(await available('p00003')).toBe(0);
      expect(await available('p00006')).toBe(7);
    } finally {
      restarted.remove();
    }
  });
});
