import { afterAll, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Catalog, Product } from '../../../src/domain/catalog.js';
import type { OrderRequest } from '../../../src/domain/order.js';
import { startServer, type RunningServer, type StartOptions } from '../../../src/server/main.js';
import type { OrdersConfig } from '../../../src/server/orders/setup.js';
import type { DataLayer } from '../../../src/server/db/data-layer.js';

/** Orders stored (with `key`, when given), read through the server's own data layer. */
export async function countOrders(data: DataLayer, key?: string): Promise<number> {
  let query = data.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n'));
  if (key) query = query.where('idempotency_key', '=', key);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

function product(id: string, price: number, vatClass: Product['vatClass']): Product {
  return {
    id,
    slug: `produkt-${id}`,
    title: `Produkt ${id}`,
    brand: 'Testmarke',
    category: 'c1',
    description: 'Zum Testen.',
    tags: [],
    attributes: {},
    price,
    vatClass,
    // Enough for every order the API suites place; the stock suites set their own figures.
    stock: 100_000,
    rating: 4,
    ratingCount: 3,
    images: [{ src: `images/${id}-1.jpg`, width: 800, height: 800, alt: `Produkt ${id}` }],
  };
}

/** A small catalog with prices easy to add up by hand. */
export function fixtureCatalog(prices: { p1: number; p2: number } = { p1: 1999, p2: 450 }): Catalog {
  return {
    version: 1,
    currency: 'EUR',
    locale: 'de-DE',
    source: 'test fixture',
    categories: [{ id: 'c1', slug: 'test', name: 'Test', description: 'Test' }],
    products: [product('p00001', prices.p1, 'standard'), product('p00002', prices.p2, 'reduced')],
  };
}

/** Shipping 4,95 € (express 9,90 €), free standard shipping from 50 €. */
export const fixtureRules = {
  version: 1,
  shipping: { standard: 495, express: 990 },
  promotions: [{ id: 'gratis-versand', label: 'Kostenloser Versand ab 50 €', type: 'free-shipping', threshold: 5000 }],
  coupons: [],
};

/** A shop folder as the server expects it: a built app (just its shell here) and its catalog. */
export function fixtureShop(catalog: Catalog = fixtureCatalog()): {
  dir: string;
  dist: string;
  dbPath: string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'laden-orders-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'data'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><shop-app></shop-app>');
  writeFileSync(join(dist, 'data', 'catalog.json'), JSON.stringify(catalog));
  writeFileSync(join(dist, 'data', 'rules.json'), JSON.stringify(fixtureRules));
  return {
    dir,
    dist,
    dbPath: join(dir, 'data', 'orders.sqlite'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function startOrdersServer(
  shop: { dist: string; dbPath: string },
  orders: Partial<OrdersConfig> = {},
  mail: StartOptions['mail'] = {},
): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    distDir: shop.dist,
    orders: { dbPath: shop.dbPath, ...orders },
    // Mails of the test's orders stay in the test's folder, whichever database it uses.
    mail: { fileDir: join(dirname(shop.dbPath), 'mail'), ...mail },
  });
}

export function orderRequest(overrides: Partial<OrderRequest> = {}): OrderRequest {
  return {
    cart: {
      lines: [
        { productId: 'p00001', quantity: 2 },
        { productId: 'p00002', quantity: 1 },
      ],
      coupons: [],
      shipping: 'standard',
    },
    contact: { email: 'erika@example.de' },
    shippingAddress: {
      firstName: 'Erika',
      lastName: 'Mustermann',
      street: 'Heidestraße 17',
      postalCode: '51147',
      city: 'Köln',
      country: 'DE',
    },
    payment: 'invoice',
    expectedTotal: 0,
    ...overrides,
  };
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function post(url: string, body: unknown, key: string | null = randomUUID()): Promise<Answer> {
  const response = await fetch(`${url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** What the server would charge for `request`: asked through the API with an impossible total. */
export async function serverTotal(url: string, request: OrderRequest): Promise<number> {
  const answer = await post(url, { ...request, expectedTotal: 999_999_999 });
  const quote = answer.body['quote'] as { total: number } | undefined;
  if (answer.status !== 409 || !quote) throw new Error(`expected a price-changed answer, got ${answer.status}`);
  return quote.total;
}

/**
 * A fixture shop and its orders server for one describe block, with the total the server quotes
 * for `orderRequest()`: started before its tests, closed and deleted after them.
 */
export function useOrdersServer(): {
  readonly url: string;
  readonly data: RunningServer['data'];
  readonly total: number;
} {
  const shop = fixtureShop();
  let server: RunningServer | undefined;
  let total: number | undefined;
  beforeAll(async () => {
    server = await startOrdersServer(shop);
    total = await serverTotal(server.url, orderRequest());
  });
  afterAll(async () => {
    await server?.close();
    shop.remove();
  });
  return {
    get url() {
      if (!server) throw new Error('The server is started in beforeAll');
      return server.url;
    },
    get data() {
      if (!server) throw new Error('The server is started in beforeAll');
      return server.data;
    },
    get total() {
      if (total === undefined) throw new Error('The total is asked for in beforeAll');
      return total;
    },
  };
}
