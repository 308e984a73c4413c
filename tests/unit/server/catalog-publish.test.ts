import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { main } from '../../../src/cli/main.js';
import type { Catalog } from '../../../src/domain/catalog.js';
import { readCardShard, readManifest } from '../../../src/domain/listing-format.js';
import { startServer, type RunningServer } from '../../../src/server/main.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';
import { fixtureCatalog, fixtureShop, orderRequest, serverTotal } from './support.js';

async function photo(path: string, colour: string): Promise<void> {
  mkdirSync(join(path, '..'), { recursive: true });
  await sharp({ create: { width: 800, height: 800, channels: 3, background: colour } })
    .jpeg()
    .toFile(path);
}

const json = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: response.ok ? ((await response.json()) as Record<string, unknown>) : {} };
};

/** The fixture with p00001 at 24,99 € instead of 19,99 € and a new product with its own photo. */
function nextCatalog(): Catalog {
  const catalog = fixtureCatalog({ p1: 2499, p2: 450 });
  const first = catalog.products[0]!;
  catalog.products.push({
    ...first,
    id: 'p00003',
    slug: 'gruene-teekanne',
    title: 'Grüne Teekanne',
    price: 3450,
    images: [{ src: 'images/p00003-1.jpg', width: 800, height: 800, alt: 'Grüne Teekanne' }],
  });
  return catalog;
}

describe.each(BACKENDS)('publishing a catalog (%s)', (backend) => {
  const shop = fixtureShop();
  const media = join(shop.dir, 'media');
  const upload = join(shop.dir, 'upload');
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  /** Two servers on one database, as behind a load balancer. */
  let servers: RunningServer[];
  let stderr: string[];

  const publish = (file: string, ...options: string[]) =>
    main(['catalog', 'publish', file, '--db', database.url, '--media', media, '--dist', shop.dist, ...options]);
  const write = (name: string, catalog: unknown) => {
    const file = join(upload, name);
    writeFileSync(file, JSON.stringify(catalog));
    return file;
  };
  const versions = async () =>
    Number(
      (
        await servers[0]!.data.db
          .selectFrom('catalog_versions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    await photo(join(shop.dist, 'data', 'images', 'p00001-1.jpg'), '#a33');
    await photo(join(shop.dist, 'data', 'images', 'p00002-1.jpg'), '#3a3');
    await photo(join(upload, 'images', 'p00003-1.jpg'), '#33a');
    database = await freshDatabase(backend);
    servers = [];
    for (let i = 0; i < 2; i++) {
      const orders = { dbPath: shop.dbPath, databaseUrl: database.url };
      servers.push(await startServer({ port: 0, host: '127.0.0.1', distDir: shop.dist, mediaDir: media, orders }));
    }
  });
  afterAll(async () => {
    for (const server of servers ?? []) await server.close();
    await database?.drop();
    shop.remove();
  });
  beforeEach(() => {
    stderr = [];
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation((line: string) => void stderr.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it('serves the built catalog until one is published', async () => {
    expect((await json(`${servers[0]!.url}/api/catalog/current`)).body).toEqual({
      version: 0,
      checksum: null,
      publishedAt: null,
      catalog: '/data/catalog.json',
      index: '/data/search-index.bin',
      rules: '/data/rules.json',
      listing: '/data/shop/manifest.json',
    });
    // 2 × 19,99 € + 4,50 € + 4,95 € shipping.
    expect(await serverTotal(servers[0]!.url, orderRequest())).toBe(4943);
  });

  it('switches every server to the published version: its data URLs, photos and the prices of the next order', async () => {
    expect(await publish(write('catalog.json', nextCatalog()))).toBe(0);

    // Right after publishing, without waiting, both servers price with the new catalog.
    // 2 × 24,99 € + 4,50 € = 54,48 €, now above the free-shipping threshold.
    for (const server of servers) expect(await serverTotal(server.url, orderRequest())).toBe(5448);
    const withNew = orderRequest({
      cart: { lines: [{ productId: 'p00003', quantity: 1 }], coupons: [], shipping: 'standard' },
    });
    expect(await serverTotal(servers[1]!.url, withNew)).toBe(3450 + 495);

    const current = (await json(`${servers[1]!.url}/api/catalog/current`)).body;
    expect(current).toMatchObject({
      version: 1,
      catalog: expect.stringMatching(/^\/data\/v\/1-[0-9a-f]{16}\/catalog\.json$/),
    });
    const served = await fetch(`${servers[0]!.url}${current['catalog'] as string}`);
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(((await served.json()) as Catalog).products.map((p) => [p.id, p.price])).toEqual([
      ['p00001', 2499],
      ['p00002', 450],
      ['p00003', 3450],
    ]);
    const index = await fetch(`${servers[0]!.url}${current['index'] as string}`);
    expect(index.status).toBe(200);
    expect((await index.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await json(`${servers[0]!.url}${current['rules'] as string}`)).body).toMatchObject({ version: 1 });

    // The version's listing, cut by each server from the stored version: the same files on both.
    expect(current['listing']).toMatch(/^\/data\/v\/1-[0-9a-f]{16}\/shop\/manifest\.json$/);
    const manifests = await Promise.all(
      servers.map(async (server) => readManifest((await json(`${server.url}${current['listing'] as string}`)).body)),
    );
    expect(manifests[1]).toEqual(manifests[0]);
    const manifest = manifests[0]!;
    expect(manifest.catalog).toMatchObject({ checksum: current['checksum'], products: 3 });
    const shard = manifest.shards[manifest.categories.find((c) => c.products > 0)!.shards[0]!]!;
    const shardUrl = `${servers[1]!.url}${(current['listing'] as string).replace('manifest.json', manifest.base + shard.file)}`;
    const shardResponse = await fetch(shardUrl);
    expect(shardResponse.headers.get('cache-control')).toContain('immutable');
    const cards = readCardShard(await shardResponse.json(), manifest.catalog.tag, shard.file);
    expect(cards.map((c) => [c.id, c.price]).sort()).toEqual([
      ['p00001', 2499],
      ['p00002', 450],
      ['p00003', 3450],
    ]);
    const missing = (current['listing'] as string).replace('manifest.json', `${manifest.base}details/99.json`);
    expect((await fetch(`${servers[0]!.url}${missing}`)).status).toBe(404);

    // The new photo was copied into the photo folder, with its thumbnails, and is served.
    for (const path of ['/data/images/p00003-1.jpg', '/data/thumbs/p00003-1-320.webp', '/data/images/p00001-1.jpg']) {
      expect((await fetch(`${servers[0]!.url}${path}`)).status, path).toBe(200);
    }
  });

  it('refuses a broken file with the path of every broken field, and changes nothing', async () => {
    const before = (await json(`${servers[0]!.url}/api/catalog/current`)).body;
    const broken = nextCatalog() as unknown as { products: Record<string, unknown>[] };
    broken.products[0]!['price'] = '24,99';
    broken.products[1]!['title'] = '';
    broken.products[2]!['images'] = [{ src: '../fehlt.jpg', width: 800, height: 800, alt: 'Fehlt' }];
    broken.products[2]!['prise'] = 12;
    expect(await publish(write('broken.json', broken))).toBe(2);
    expect(stderr.slice(1)).toEqual([
      expect.stringMatching(/^products\.0\.price: /),
      expect.stringMatching(/^products\.1\.title: /),
      expect.stringMatching(/^products\.2\.images\.0\.src: a relative path/),
      expect.stringMatching(/^products\.2: .*"prise"/),
    ]);

    // Rules across fields and the photos are checked once every field is right.
    const unknownCategory = nextCatalog();
    unknownCategory.products[1]!.category = 'gibt-es-nicht';
    stderr = [];
    expect(await publish(write('broken.json', unknownCategory))).toBe(2);
    expect(stderr.slice(1)).toEqual(['products.1.category: no category "gibt-es-nicht"']);

    // Photos are checked once the fields are right.
    const missingPhoto = nextCatalog();
    missingPhoto.products[2]!.images[0]!.src = 'images/fehlt.jpg';
    stderr = [];
    expect(await publish(write('broken.json', missingPhoto))).toBe(2);
    expect(stderr.slice(1)).toEqual([
      expect.stringMatching(/^products\.2\.images\.0\.src: no file images\/fehlt\.jpg/),
    ]);

    expect((await json(`${servers[0]!.url}/api/catalog/current`)).body).toEqual(before);
    expect(await versions()).toBe(1);
    expect(await serverTotal(servers[0]!.url, orderRequest())).toBe(5448);
  });

  it('does not store an unchanged catalog again, and keeps only the newest versions', async () => {
    expect(await publish(join(upload, 'catalog.json'))).toBe(0);
    expect(await versions()).toBe(1);
    const first = (await json(`${servers[0]!.url}/api/catalog/current`)).body;

    for (const price of [2599, 2699, 2799]) {
      const catalog = nextCatalog();
      catalog.products[0]!.price = price;
      expect(await publish(write('catalog.json', catalog), '--keep', '2')).toBe(0);
    }
    expect(await versions()).toBe(2);
    const latest = (await json(`${servers[0]!.url}/api/catalog/current`)).body;
    expect(latest['version']).toBe(4);
    expect((await fetch(`${servers[0]!.url}${first['catalog'] as string}`)).status).toBe(404);
    expect((await fetch(`${servers[1]!.url}${latest['catalog'] as string}`)).status).toBe(200);
    expect(await serverTotal(servers[1]!.url, orderRequest())).toBe(2 * 2799 + 450);
  });
});
