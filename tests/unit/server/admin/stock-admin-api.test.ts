import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../../src/server/db/audit-store.js';
import { stockItem } from '../../../../src/server/db/stock-store.js';
import { startServer, type RunningServer } from '../../../../src/server/main.js';
import { BACKENDS, freshDatabase } from '../../../support/databases.js';
import { fixtureShop, orderRequest, post, serverTotal } from '../support.js';
import { stockCatalog } from '../stock-support.js';
import { ADMIN_TEST_TIMEOUT, AdminClient, addSignedInStaff } from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

describe.each(BACKENDS)('the back office stock API (%s)', (backend) => {
  const shop = fixtureShop(stockCatalog());
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: RunningServer;
  let staff: AdminClient;
  const put = (client: AdminClient, sku: string, body: unknown, origin?: string | null) =>
    client.request('PUT', `/api/admin/stock/${sku}`, body, origin === undefined ? {} : { origin });

  beforeAll(async () => {
    database = await freshDatabase(backend);
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      distDir: shop.dist,
      orders: { databaseUrl: database.url },
    });
    staff = await addSignedInStaff(server, 'lager@laden.test', 'staff');
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    shop.remove();
  });

  it('answers 401 without a session and 403 for a change from another origin, before anything changes', async () => {
    const stranger = new AdminClient(server.url);
    expect((await stranger.get('/api/admin/stock')).status).toBe(401);
    expect((await put(stranger, 'p00003', { available: 1, reason: 'x' })).status).toBe(401);
    const forged = await put(staff, 'p00003', { available: 1, reason: 'x' }, 'https://evil.example');
    expect(forged.status).toBe(403);
    expect(forged.body['error']).toBe('bad-origin');
    expect((await stockItem(server.data.db, 'p00003'))?.available).toBe(10);
  });

  it('lists every item in sku order, a page at a time', async () => {
    const first = await staff.get('/api/admin/stock?limit=4');
    expect(first.status).toBe(200);
    const items = first.body['items'] as { sku: string; title: string; available: number; variantId: string | null }[];
    expect(items.map((i) => i.sku)).toEqual(['p00001', 'p00002', 'p00003', 'p00004/p00004-m']);
    expect(items[3]).toMatchObject({ productId: 'p00004', variantId: 'p00004-m', title: 'Hemd – M', available: 0 });
    const second = await staff.get(`/api/admin/stock?limit=4&after=${encodeURIComponent(String(first.body['next']))}`);
    expect((second.body['items'] as { sku: string }[]).map((i) => i.sku)).toEqual(['p00004/p00004-s', 'p00005']);
    expect(second.body['next']).toBeNull();
  });

  it('searches by title or sku and filters low stock', async () => {
    const shirt = await staff.get('/api/admin/stock?q=hemd');
    expect((shirt.body['items'] as { sku: string }[]).map((i) => i.sku)).toEqual([
      'p00004/p00004-m',
      'p00004/p00004-s',
    ]);
    const bySku = await staff.get('/api/admin/stock?q=P00003');
    expect((bySku.body['items'] as { sku: string }[]).map((i) => i.sku)).toEqual(['p00003']);
    // LIKE's wildcards are searched for as themselves.
    expect((await staff.get('/api/admin/stock?q=%25')).body['items']).toEqual([]);
    const low = await staff.get('/api/admin/stock?low=1');
    expect((low.body['items'] as { sku: string }[]).map((i) => i.sku)).toEqual(['p00004/p00004-m', 'p00004/p00004-s']);
    expect((await staff.get('/api/admin/stock?limit=0')).status).toBe(400);
    expect((await staff.get(`/api/admin/stock?q=${'x'.repeat(101)}`)).status).toBe(400);
  });

  it('sets an item’s units with a reason and writes who, what, before and after to the audit log', async () => {
    const changed = await put(staff, 'p00003', { available: 25, reason: 'Lieferung eingebucht' });
    expect(changed.status).toBe(200);
    expect(changed.body['item']).toMatchObject({ sku: 'p00003', available: 25 });
    const shop = await fetch(`${server.url}/api/stock/p00003`);
    expect(await shop.json()).toEqual({ productId: 'p00003', available: 25 });

    // Read through the audit log's own repository (its owner-only route is the admin API's).
    const { entries } = await listAudit(server.data.db, { limit: 10 });
    expect(entries.find((e) => e.action === 'stock-changed')).toMatchObject({
      actor: 'lager@laden.test',
      target: 'p00003',
      before: { available: 10 },
      after: { available: 25, reason: 'Lieferung eingebucht' },
    });
  });

  it('takes a variant’s sku with its slash, encoded or not', async () => {
    expect((await put(staff, 'p00004%2Fp00004-m', { available: 3, reason: 'Inventur' })).status).toBe(200);
    expect((await stockItem(server.data.db, 'p00004/p00004-m'))?.available).toBe(3);
    expect((await put(staff, 'p00004/p00004-m', { available: 4, reason: 'Inventur' })).status).toBe(200);
    expect((await stockItem(server.data.db, 'p00004/p00004-m'))?.available).toBe(4);
  });

  it('refuses a change without a reason or with an impossible count (400), and an unknown sku (404)', async () => {
    const noReason = await put(staff, 'p00003', { available: 5, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body['issues']).toEqual([{ path: 'reason', message: 'Bitte einen Grund angeben.' }]);
    for (const available of [-1, 1.5, '7', 1_000_001]) {
      expect((await put(staff, 'p00003', { available, reason: 'Test' })).status).toBe(400);
    }
    expect((await put(staff, 'p99999', { available: 5, reason: 'Test' })).status).toBe(404);
    expect((await stockItem(server.data.db, 'p00003'))?.available).toBe(25);
  });

  it('puts an order’s units back when staff cancel it, and not when they ship it', async () => {
    const place = async (quantity: number) => {
      const request = orderRequest({
        cart: { lines: [{ productId: 'p00005', quantity }], coupons: [], shipping: 'standard' },
      });
      const placed = await post(server.url, { ...request, expectedTotal: await serverTotal(server.url, request) });
      expect(placed.status).toBe(201);
      return (placed.body['order'] as { id: string }).id;
    };
    const move = async (id: string, to: string, extra: Record<string, string> = {}) => {
      const { order } = (await staff.get(`/api/admin/orders/${id}`)).body as { order: { version: number } };
      return staff.post(`/api/admin/orders/${id}/transitions`, { to, version: order.version, ...extra });
    };
    const units = async () => (await stockItem(server.data.db, 'p00005'))?.available;

    const cancelled = await place(4);
    const shipped = await place(3);
    expect(await units()).toBe(43);
    expect((await move(cancelled, 'cancelled', { reason: 'Kunde hat storniert' })).status).toBe(200);
    expect(await units()).toBe(47);
    // A second cancellation is refused and puts nothing back twice.
    expect((await move(cancelled, 'cancelled', { reason: 'nochmal' })).status).toBe(409);
    expect(await units()).toBe(47);
    expect((await move(shipped, 'processing')).status).toBe(200);
    expect((await move(shipped, 'shipped', { carrier: 'dhl', trackingNumber: '00340434161094042557' })).status).toBe(
      200,
    );
    expect(await units()).toBe(47);
  });
});
