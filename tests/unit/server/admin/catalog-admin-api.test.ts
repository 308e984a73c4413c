import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { listAudit } from '../../../../src/server/db/audit-store.js';
import { stockItem } from '../../../../src/server/db/stock-store.js';
import { startServer, type RunningServer } from '../../../../src/server/main.js';
import type { Catalog } from '../../../../src/domain/catalog.js';
import { BACKENDS, freshDatabase } from '../../../support/databases.js';
import { fixtureCatalog, fixtureShop, orderRequest, serverTotal } from '../support.js';
import { ADMIN_TEST_TIMEOUT, AdminClient, addSignedInStaff } from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

/** The fixture at new prices with 20 more products: larger than the 64 KB other admin bodies may be. */
function uploaded(p1 = 2499): Catalog {
  const catalog = fixtureCatalog({ p1, p2: 450 });
  const template = catalog.products[0]!;
  for (let i = 10; i < 30; i++) {
    catalog.products.push({
      ...template,
      id: `p000${i}`,
      slug: `produkt-p000${i}`,
      title: `Produkt ${i}`,
      description: `Ein Produkt zum Testen. ${'Sehr ausführlich beschrieben. '.repeat(130)}`.slice(0, 4000),
      stock: i,
    });
  }
  return catalog;
}

describe.each(BACKENDS)('POST /api/admin/catalog (%s)', (backend) => {
  const shop = fixtureShop();
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: RunningServer;
  let owner: AdminClient;
  let staff: AdminClient;
  const current = async () => (await fetch(`${server.url}/api/catalog/current`)).json() as Promise<{ version: number }>;

  beforeAll(async () => {
    // The fixture's photos, which an upload (unlike the command line) cannot bring along.
    mkdirSync(join(shop.dist, 'data', 'images'), { recursive: true });
    for (const id of ['p00001', 'p00002']) {
      await sharp({ create: { width: 800, height: 800, channels: 3, background: '#567' } })
        .jpeg()
        .toFile(join(shop.dist, 'data', 'images', `${id}-1.jpg`));
    }
    database = await freshDatabase(backend);
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      distDir: shop.dist,
      mediaDir: join(shop.dir, 'media'),
      orders: { databaseUrl: database.url },
    });
    owner = await addSignedInStaff(server, 'inhaberin@laden.test', 'owner');
    staff = await addSignedInStaff(server, 'lager@laden.test', 'staff');
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    shop.remove();
  });

  it('is for owners only, and from the shop’s own pages', async () => {
    expect((await new AdminClient(server.url).post('/api/admin/catalog', uploaded())).status).toBe(401);
    expect((await staff.post('/api/admin/catalog', uploaded())).status).toBe(403);
    const forged = await owner.request('POST', '/api/admin/catalog', uploaded(), { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(await current()).toMatchObject({ version: 0 });
  });

  it('refuses a broken catalog with 400 and every broken field’s path, changing nothing', async () => {
    const broken = uploaded() as unknown as { products: Record<string, unknown>[] };
    broken.products[0]!['price'] = 0;
    broken.products[3]!['slug'] = 'Mit Leerzeichen';
    const reply = await owner.post('/api/admin/catalog', broken);
    expect(reply.status).toBe(400);
    expect(reply.body['error']).toBe('invalid');
    expect((reply.body['issues'] as { path: string }[]).map((i) => i.path)).toEqual([
      'products.0.price',
      'products.3.slug',
    ]);
    expect(await current()).toMatchObject({ version: 0 });
    expect(await serverTotal(server.url, orderRequest())).toBe(4943);
    expect((await listAudit(server.data.db, { limit: 50 })).entries.map((e) => e.action)).not.toContain(
      'catalog-published',
    );
  });

  it('publishes a valid upload: 201 with the version, the next order at the new prices, stock and the audit log', async () => {
    const reply = await owner.post('/api/admin/catalog', uploaded());
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ version: 1 });
    expect(await current()).toMatchObject({ version: 1 });
    expect(await serverTotal(server.url, orderRequest())).toBe(2 * 2499 + 450);
    expect((await stockItem(server.data.db, 'p00029'))?.available).toBe(29);
    const entry = (await listAudit(server.data.db, { limit: 50 })).entries.find(
      (e) => e.action === 'catalog-published',
    );
    expect(entry).toMatchObject({
      actor: 'inhaberin@laden.test',
      target: 'catalog version 1',
      after: { version: 1, products: 22 },
    });

    const again = await owner.post('/api/admin/catalog', uploaded());
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ version: 1, unchanged: true });
  });
});
