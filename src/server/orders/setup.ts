import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { CatalogFormatError, parseCatalog } from '../../catalog/schema.js';
import { RulesFormatError, parseRulesText } from '../../domain/promotion-rules.js';
import { ServedCatalog, type BuiltCatalog } from '../catalog/served.js';
import type { DataLayer } from '../db/data-layer.js';
import { OrderStore } from '../db/order-store.js';
import type { OrderEffects } from './effects.js';
import { orderRoutes } from './routes.js';

export interface OrdersConfig {
  /** The embedded store's file (created with its folder if missing), when no `databaseUrl` is given. */
  dbPath: string;
  /** `postgres://…`: PostgreSQL instead of the embedded SQLite file. */
  databaseUrl?: string;
  /** SQLite: gather concurrent writes into one commit (default on). */
  groupCommit?: boolean;
  /** The built catalog, served until one is published; the shopper's copy is never trusted for prices. */
  catalogPath: string;
  /** The promotions (default: rules.json beside the catalog). */
  rulesPath?: string;
  /** Tests make lock waits short to see the 503 quickly. */
  busyTimeoutMs?: number;
  now?: () => Date;
}

export interface Orders {
  routes: Hono;
  store: OrderStore;
  /** The served catalog: what orders are priced with and what /api/catalog/current names. */
  catalog: ServedCatalog;
}

/** The server cannot take orders with what it was given (a missing or broken catalog or rules file). */
export class OrdersConfigError extends Error {
  override name = 'OrdersConfigError';
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OrdersConfigError(`Cannot read the ${what} orders are priced with (${path}): ${reason}`, {
      cause: error,
    });
  }
}

/**
 * The catalog and rules the app was built with, checked: what orders are priced with until a
 * catalog is published, then the published versions in the database (ServedCatalog).
 */
async function readBuiltCatalog(catalogPath: string, rulesPath: string): Promise<BuiltCatalog> {
  const catalogText = await readText(catalogPath, 'catalog');
  const rulesText = await readText(rulesPath, 'promotions');
  try {
    const catalog = parseCatalog(JSON.parse(catalogText));
    parseRulesText(rulesText, rulesPath);
    return { catalog, rulesText };
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof CatalogFormatError) {
      throw new OrdersConfigError(`${catalogPath}: ${error.message}`, { cause: error });
    }
    if (error instanceof RulesFormatError) throw new OrdersConfigError(error.message, { cause: error });
    throw error;
  }
}

/** Prices with the served catalog and stores through `data`: everything `/api/orders` needs. */
export async function openOrders(config: OrdersConfig, data: DataLayer, effects: OrderEffects = {}): Promise<Orders> {
  const built = await readBuiltCatalog(
    config.catalogPath,
    config.rulesPath ?? join(dirname(config.catalogPath), 'rules.json'),
  );
  const catalog = new ServedCatalog(data, built);
  const store = new OrderStore(data, effects);
  return {
    routes: orderRoutes({ store, pricer: catalog, ...(config.now ? { now: config.now } : {}) }),
    store,
    catalog,
  };
}
