import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import type { Catalog, Product } from '../../src/domain/catalog.js';
import type { RunningServer } from '../../src/server/main.js';
import { distDir, startShop } from './support/server.js';
import { useShopAndBrowser } from './support/shop-and-browser.js';

export const builtCatalog = (): Catalog =>
  JSON.parse(readFileSync(join(distDir, 'data', 'catalog.json'), 'utf8')) as Catalog;

/** A product without variants that is in stock: one click puts it in the cart. */
export function simpleProduct(catalog: Catalog = builtCatalog(), skip = 0): Product {
  const product = catalog.products.filter((p) => !p.variants?.length && p.stock > 5)[skip];
  if (!product) throw new Error('The built catalog has no simple product in stock');
  return product;
}

export async function addToCart(page: Page, baseUrl: string, product: Product): Promise<void> {
  await page.goto(`${baseUrl}/p/${product.slug}`);
  await page.getByRole('button', { name: 'In den Warenkorb' }).click();
  await page.getByTestId('cart-count').filter({ hasText: /[1-9]/ }).waitFor();
}

/** Goes from the cart to the review step with a valid German address. */
export async function checkoutToReview(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Zur Kasse' }).click();
  await page.getByRole('heading', { name: 'Kasse', level: 1 }).waitFor();
  await page.getByLabel('E-Mail-Adresse').fill('erika@example.de');
  await page.getByLabel('Vorname').fill('Erika');
  await page.getByLabel('Nachname').fill('Mustermann');
  await page.getByLabel('Straße und Hausnummer').fill('Heidestraße 17');
  await page.getByLabel('PLZ').fill('51147');
  await page.getByLabel('Ort', { exact: true }).fill('Köln');
  await page.getByRole('button', { name: 'Weiter zur Übersicht' }).click();
  await page.getByRole('heading', { name: 'Bestellung prüfen' }).waitFor();
}

/** The order's key (the outbox key) from the order page's URL. */
export const orderKeyOf = (page: Page): string => new URL(page.url()).pathname.split('/').pop() ?? '';

/** Orders the server stored for a key, read from its SQLite file. */
export function serverOrders(dbPath: string, key?: string): { id: string; total_cents: number }[] {
  const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true });
  try {
    const sql = 'SELECT id, total_cents FROM orders' + (key ? ' WHERE idempotency_key = ?' : '');
    return db.prepare(sql).all(...(key ? [key] : [])) as { id: string; total_cents: number }[];
  } finally {
    db.close();
  }
}

export interface ShopWithOrders {
  readonly shop: RunningServer;
  readonly browser: Browser;
  readonly dbPath: string;
  /** Takes the server down: for every client, page and service worker alike, it is unreachable. */
  stopServer(): Promise<void>;
  /** Brings it back on the same port (same origin) with the same orders database. */
  startServerAgain(): Promise<void>;
}

/**
 * The built shop with its own empty orders database and a browser, for one test file: started
 * before its tests, stopped and deleted after them.
 */
export function useShopWithOrders(name: string): ShopWithOrders {
  const dir = mkdtempSync(join(tmpdir(), `laden-${name}-`));
  const dbPath = join(dir, 'orders.sqlite');
  let port = 0;
  const fixture = useShopAndBrowser(
    async () => {
      const shop = await startShop({ orders: { dbPath } });
      port = Number(new URL(shop.url).port);
      return shop;
    },
    () => rmSync(dir, { recursive: true, force: true }),
  );
  return {
    get shop() {
      return fixture.shop;
    },
    get browser() {
      return fixture.browser;
    },
    dbPath,
    stopServer: () => fixture.stopShop(),
    startServerAgain: () => fixture.startShopAgain(() => startShop({ port, orders: { dbPath } })),
  };
}
