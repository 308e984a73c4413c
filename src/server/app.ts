import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { mountStatic } from './static.js';
import { securityHeaders } from './security.js';
import type { AdminEnv } from './admin/context.js';
import type { LcpPreloads } from './lcp-preload.js';

export interface AppOptions {
  /** The built app (vite build output). */
  distDir: string;
  /** Shown by /api/health. */
  version: string;
  /** `/api/orders` (src/server/orders); absent, the shop has no checkout. */
  orders?: Hono;
  /** `/api/catalog/current` and the published versions' data (src/server/catalog). */
  catalog?: Hono;
  /** Published photos, served under /data/ before the built app's. */
  media?: Hono;
  /** `/api/search` (src/server/search): the served catalog's search. */
  search?: Hono;
  /** `/api/stock` (src/server/stock): live availability for the shop. */
  stock?: Hono;
  /** `/api/admin` (src/server/admin), its guard in front of every route. */
  admin?: Hono<AdminEnv>;
  /** Names each page's largest picture in its HTML, so it loads before the app renders it. */
  preloads?: LcpPreloads;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  // Order answers carry names and addresses: no cache (browser, proxy, service worker) may keep
  // one, whatever status, route or replay produced it. Set outside compress(), whose replacement
  // response would not carry a header set inside it over HTTP.
  const noStore: MiddlewareHandler = async (c, next) => {
    await next();
    c.res.headers.set('cache-control', 'no-store');
  };
  app.use('/api/orders', noStore);
  app.use('/api/orders/*', noStore);
  app.use('*', compress());

  app.get('/api/health', (c) => c.json({ status: 'ok', version: options.version }));
  if (options.orders) app.route('/api/orders', options.orders);
  if (options.catalog) app.route('/', options.catalog);
  if (options.media) app.route('/', options.media);
  if (options.stock) app.route('/api/stock', options.stock);
  if (options.search) app.route('/api/search', options.search);
  if (options.admin) app.route('/api/admin', options.admin);
  app.all('/api/*', (c) => c.json({ error: 'not-found', message: `Keine API unter ${c.req.path}` }, 404));
  app.onError((error, c) => {
    console.error(error);
    return c.json({ error: 'internal', message: 'Interner Fehler' }, 500);
  });

  mountStatic(app, options.distDir, options.preloads);
  return app;
}
