import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import type { Catalog } from '../../domain/catalog.js';
import { placeholderQuote } from '../../domain/quote.js';
import { openDatabase } from '../db/database.js';
import { OrderStore } from '../db/order-store.js';
import type { OrderPricer } from './pricer.js';
import { orderRoutes } from './routes.js';

export interface OrdersConfig {
  /** The SQLite file (created with its folder if missing). */
  dbPath: string;
  /** The server's catalog; the shopper's copy is never trusted for prices. */
  catalogPath: string;
  /** Tests make lock waits short to see the 503 quickly. */
  busyTimeoutMs?: number;
  now?: () => Date;
}

export interface Orders {
  routes: Hono;
  store: OrderStore;
  close(): void;
}

async function readCatalog(path: string): Promise<Catalog> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Catalog;
  } catch (error) {
    throw new Error(`Cannot read the server's catalog at ${path}: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
}

async function createPricer(catalogPath: string): Promise<OrderPricer> {
  const catalog = await readCatalog(catalogPath);
  return { quote: (cart) => placeholderQuote(cart, catalog) };
}

/** Opens the orders database and prices with the server's catalog: everything `/api/orders` needs. */
export async function openOrders(config: OrdersConfig): Promise<Orders> {
  const pricer = await createPricer(config.catalogPath);
  const db = openDatabase(config.dbPath, { busyTimeoutMs: config.busyTimeoutMs });
  const store = new OrderStore(db);
  return {
    routes: orderRoutes({ store, pricer, ...(config.now ? { now: config.now } : {}) }),
    store,
    close: () => db.close(),
  };
}
