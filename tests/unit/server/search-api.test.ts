import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { main } from '../../../src/cli/main.js';
import type { Catalog, Product } from '../../../src/domain/catalog.js';
import type { SearchApiAnswer } from '../../../src/domain/search-api.js';
import type { RunningServer } from '../../../src/server/main.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';
import { fixtureShop, startOrdersServer } from './support.js';

vi.setConfig({ testTimeout: 30_000 });

function item(id: string, title: string, fields: Partial<Product> = {}): Product {
  return {
    id,
    slug: `produkt-${id}`,
    title,
    brand: 'Kaffeewerk',
    category: 'kaffee',
    description: 'Für den Morgen.',
    tags: [],
    attributes: {},
    price: 2000,
    vatClass: 'standard',
    stock: 5,
    rating: 4,
    ratingCount: 3,
    images: [{ src: `images/${id}-1.jpg`, width: 800, height: 800, alt: title }],
    ...fields,
  };
}

function searchCatalog(extra: Product[] = []): Catalog {
  return {
    version: 1,
    currency: 'EUR',
    locale: 'de-DE',
    source: 'search test',
    categories: [
      { id: 'kaffee', slug: 'kaffee', name: 'Kaffee', description: 'Kaffee' },
      { id: 'kueche', slug: 'kueche', name: 'Küche', description: 'Küche' },
    ],
    products: [
      item('p00001', 'Kaffeemühle Handkurbel', { price: 3990, tags: ['mühle'] }),
      item('p00002', 'Elektrische Kaffeemühle', { price: 5990, brand: 'Mahlgut', stock: 0 }),
      item('p00003', 'Espressotasse Porzellan', { price: 990, category: 'kueche', brand: 'Mahlgut' }),
      item('p00004', 'Teekanne Glas', { price: 2490, category: 'kueche', variants: undefined }),
      ...extra,
    ],
  };
}

async function get(server: RunningServer, query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/search?${query}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(BACKENDS)('GET /api/search (%s)', (backend) => {
  const shop = fixtureShop(searchCatalog());
  let server: RunningServer;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const search = async (query: string) => {
    const { status, body } = await get(server, query);
    expect(status, JSON.stringify(body)).toBe(200);
    return body as unknown as SearchApiAnswer;
  };

  beforeAll(async () => {
    // Publishing checks that every photo exists: the built ones in the app, the new one in the upload.
    const photo = (dir: string, id: string) => {
      mkdirSync(dir, { recursive: true });
      return sharp({ create: { width: 800, height: 800, channels: 3, background: '#a53' } })
        .jpeg()
        .toFile(join(dir, `${id}-1.jpg`));
    };
    for (const id of ['p00001', 'p00002', 'p00003', 'p00004']) await photo(join(shop.dist, 'data', 'images'), id);
    await photo(join(shop.dir, 'upload', 'images'), 'p00005');
    database = await freshDatabase(backend);
    server = await startOrdersServer(shop, { databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    shop.remove();
  });

  it('answers hits as product cards with highlight ranges, total and facets', async () => {
    const answer = await search('q=kaffeemühle');
    expect(answer.version).toBe(0);
    expect(answer.total).toBe(2);
    expect(answer.hits.map((h) => h.card.id).sort()).toEqual(['p00001', 'p00002']);
    const first = answer.hits.find((h) => h.card.id === 'p00001')!;
    expect(first.card).toEqual({
      id: 'p00001',
      slug: 'produkt-p00001',
      title: 'Kaffeemühle Handkurbel',
      brand: 'Kaffeewerk',
      category: 'kaffee',
      tags: ['mühle'],
      price: 3990,
      vatClass: 'standard',
      stock: 5,
      rating: 4,
      ratingCount: 3,
      image: { src: 'images/p00001-1.jpg', width: 800, height: 800, alt: 'Kaffeemühle Handkurbel' },
      variantCount: 0,
    });
    expect(first.highlights.title).toEqual([[0, 11]]);
    expect(answer.facets.brands).toEqual([
      { value: 'Kaffeewerk', count: 1 },
      { value: 'Mahlgut', count: 1 },
    ]);
    expect(answer.facets.inStock).toBe(1);
    expect(answer.facets.price).toEqual({ min: 3990, max: 5990 });
    expect(answer.exact).toBe(true);
  });

  it('filters, sorts and pages like the search on the device', async () => {
    const cheapFirst = await search('q=kaffeemühle&sort=price-up');
    expect(cheapFirst.hits.map((h) => h.card.id)).toEqual(['p00001', 'p00002']);
    const dearFirst = await search('q=kaffeemühle&sort=price-down&limit=1');
    expect(dearFirst.hits.map((h) => h.card.id)).toEqual(['p00002']);
    expect(dearFirst.total).toBe(2);
    const second = await search('q=kaffeemühle&sort=price-down&limit=1&offset=1');
    expect(second.hits.map((h) => h.card.id)).toEqual(['p00001']);
    expect((await search('q=kaffeemühle&inStock=1')).hits.map((h) => h.card.id)).toEqual(['p00001']);
    expect((await search('q=kaffeemühle&brand=Mahlgut')).hits.map((h) => h.card.id)).toEqual(['p00002']);
    expect((await search('q=kaffeemühle&maxPrice=4000')).hits.map((h) => h.card.id)).toEqual(['p00001']);
    expect((await search('q=porzellan&category=kueche')).total).toBe(1);
    expect((await search('q=porzellan&category=kaffee')).total).toBe(0);
    expect((await search('q=porzellan&category=gibt-es-nicht')).total).toBe(0);
  });

  it('suggests the catalog word for a misspelt one', async () => {
    const answer = await search('q=espresotasse&asYouType=0');
    expect(answer.exact).toBe(false);
    expect(answer.suggestion).toBe('espressotasse');
  });

  it.each([
    ['', 'q (der Suchbegriff) fehlt.'],
    ['q=%20%20', 'q (der Suchbegriff) fehlt.'],
    [`q=${'a'.repeat(201)}`, 'q darf höchstens 200 Zeichen lang sein.'],
    ['q=kaffee%00', 'q enthält Steuerzeichen oder ungültige Zeichen.'],
    ['q=kaffee%1b%5b2J', 'q enthält Steuerzeichen oder ungültige Zeichen.'],
    ['q=kaffee%C2%85', 'q enthält Steuerzeichen oder ungültige Zeichen.'],
    ['q=kaffee&limit=100000000', 'limit muss zwischen 1 und 100 liegen.'],
    ['q=kaffee&limit=0', 'limit muss zwischen 1 und 100 liegen.'],
    ['q=kaffee&limit=-1', 'limit muss eine ganze Zahl sein, nicht „-1“.'],
    ['q=kaffee&limit=1e3', 'limit muss eine ganze Zahl sein, nicht „1e3“.'],
    ['q=kaffee&offset=99999999999', 'offset muss eine ganze Zahl sein, nicht „99999999999“.'],
    ['q=kaffee&offset=10001', 'offset muss zwischen 0 und 10000 liegen.'],
    ['q=kaffee&minPrice=5000000000', 'minPrice muss zwischen 0 und 4294967295 liegen.'],
    ['q=kaffee&sort=random', 'sort muss eines von relevance, price-up, price-down, rating sein.'],
    ['q=kaffee&inStock=ja', 'inStock muss 0, 1, true oder false sein.'],
    ['q=kaffee&q=tee', 'q darf nur einmal angegeben werden.'],
    ['q=kaffee&limt=5', 'Unbekannter Parameter „limt“.'],
    [`q=kaffee&brand=${'x'.repeat(201)}`, 'brand darf höchstens 200 Zeichen lang sein.'],
    ['q=kaffee&category=k%0Ae', 'category enthält Steuerzeichen oder ungültige Zeichen.'],
  ])('refuses ?%s with 400 and says why', async (query, message) => {
    const { status, body } = await get(server, query);
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'bad-request', message });
  });

  it('answers odd but harmless queries without error', async () => {
    for (const q of ['%F0%9F%98%80', '%E2%80%8B', '%25%25%25', '*%3F%5B', 'a%20'.repeat(60), '%FF%FE']) {
      const answer = await search(`q=${q}`);
      expect(answer.total).toBeGreaterThanOrEqual(0);
    }
    expect((await search(`q=${'kaffee%20'.repeat(22)}`)).total).toBeGreaterThan(0);
  });

  it('searches the published version after a publish, on the next query', async () => {
    const next = searchCatalog([item('p00005', 'Grüne Teekanne Gusseisen', { category: 'kueche' })]);
    const file = join(shop.dir, 'upload', 'catalog.json');
    writeFileSync(file, JSON.stringify(next));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await main([
      'catalog',
      'publish',
      file,
      '--db',
      database.url,
      '--media',
      join(shop.dir, 'media'),
      '--dist',
      shop.dist,
    ]);
    log.mockRestore();
    expect(code).toBe(0);
    const answer = await search('q=gusseisen');
    expect(answer.version).toBe(1);
    expect(answer.hits.map((h) => h.card.id)).toEqual(['p00005']);
  });
});
