import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { ID_PATTERN } from '../../domain/catalog.js';
import { MAX_STOCK_PRODUCTS, type ProductStock, type StockLevels } from '../../domain/stock.js';
import type { DataLayer } from '../db/data-layer.js';
import { isDatabaseError } from '../db/errors.js';
import { stockLevels } from '../db/stock-store.js';

/**
 * Shared caches (a CDN) may answer for a few seconds; browsers revalidate every time, which costs a
 * 304 when nothing changed. A few seconds of lag is harmless: the order's own transaction decides.
 * `no-transform`: the body is compressed here, under its own strong tag. No stale-while-revalidate:
 * browsers honour it too, and would show an item sold out a moment ago as available.
 */
export const STOCK_CACHE_CONTROL = 'public, max-age=0, s-maxage=5, no-transform';

const json = { 'content-type': 'application/json; charset=utf-8' };

/** Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for this header). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

/**
 * Answers `value` as JSON with a strong ETag, or 304 when the client has it. The body is compressed
 * here rather than by the app's compress middleware, which would weaken the tag: each encoding is its
 * own representation with its own strong tag.
 */
function sendCached(c: Context, value: unknown): Response {
  const text = JSON.stringify(value);
  const hash = createHash('sha256').update(text).digest('base64url').slice(0, 22);
  const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  const etag = gzip ? `"${hash}-gz"` : `"${hash}"`;
  const headers: Record<string, string> = { etag, 'cache-control': STOCK_CACHE_CONTROL, vary: 'Accept-Encoding' };
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  if (!gzip) return c.body(text, 200, { ...headers, ...json });
  return c.body(gzipSync(text), 200, { ...headers, ...json, 'content-encoding': 'gzip' });
}

const unavailable = (c: Context) =>
  c.json({ error: 'unavailable', message: 'Der Lagerbestand ist gerade nicht abrufbar.' }, 503, {
    'cache-control': 'no-store',
    'retry-after': '2',
  });

/** `?products=a,b,…`: the ids, or an error in words; undefined without the parameter (every item). */
function productsParameter(value: string | undefined): string[] | Error | undefined {
  if (value === undefined) return undefined;
  const ids = [...new Set(value.split(',').filter((id) => id !== ''))];
  if (ids.length === 0) return new Error('products nennt keine Produkte.');
  if (ids.length > MAX_STOCK_PRODUCTS) return new Error(`Höchstens ${MAX_STOCK_PRODUCTS} Produkte je Anfrage.`);
  const bad = ids.find((id) => !ID_PATTERN.test(id));
  return bad === undefined ? ids : new Error(`Keine gültige Produkt-ID: ${bad.slice(0, 40)}`);
}

/**
 * `GET /api/stock?products=a,b` (the items of these products, by sku: what a page shows),
 * `GET /api/stock` (every item, by sku) and `GET /api/stock/:productId` (one product and its
 * variants): what the shop shows as "Auf Lager" / "Nur noch N" / "Ausverkauft".
 */
export function stockRoutes(data: DataLayer): Hono {
  const api = new Hono();

  api.get('/', async (c) => {
    const products = productsParameter(c.req.query('products'));
    if (products instanceof Error) {
      return c.json({ error: 'bad-request', message: products.message }, 400, { 'cache-control': 'no-store' });
    }
    let levels;
    try {
      levels = await stockLevels(data.db, products);
    } catch (error) {
      if (!isDatabaseError(error)) throw error;
      return unavailable(c);
    }
    const body: StockLevels = { stock: Object.fromEntries(levels.map((l) => [l.sku, l.available])) };
    return sendCached(c, body);
  });

  api.get('/:productId', async (c) => {
    const productId = c.req.param('productId');
    let levels: { sku: string; available: number }[] = [];
    try {
      if (ID_PATTERN.test(productId)) levels = await stockLevels(data.db, [productId]);
    } catch (error) {
      if (!isDatabaseError(error)) throw error;
      return unavailable(c);
    }
    if (levels.length === 0) {
      return c.json({ error: 'not-found', message: `Kein Produkt ${productId}.` }, 404, {
        'cache-control': 'no-store',
      });
    }
    const variants = levels.filter((l) => l.sku !== productId);
    const body: ProductStock = {
      productId,
      available: levels.reduce((sum, l) => sum + l.available, 0),
      ...(variants.length > 0
        ? { variants: Object.fromEntries(variants.map((l) => [l.sku.slice(productId.length + 1), l.available])) }
        : {}),
    };
    return sendCached(c, body);
  });

  return api;
}
