import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { mountStatic } from './static.js';
import { securityHeaders } from './security.js';
import type { AdminEnv } from './admin/context.js';

export interface AppOptions {
  /** The built app (vite build output). */
  distDir: string;
  /** Shown by /api/health. */
  version: string;
  /** `/api/orders` (src/server/orders); absent, the shop has no checkout. */
  orders?: Hono;
  /** `/api/admin` (src/server/admin), its guard in front of every route. */
  admin?: Hono<AdminEnv>;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.use('*', compress());

  app.get('/api/health', (c) => c.json({ status: 'ok', version: options.version }));
  if (options.orders) app.route('/api/orders', options.orders);
  if (options.admin) app.route('/api/admin', options.admin);
  app.all('/api/*', (c) => c.json({ error: 'not-found', message: `Keine API unter ${c.req.path}` }, 404));
  app.onError((error, c) => {
    console.error(error);
    return c.json({ error: 'internal', message: 'Interner Fehler' }, 500);
  });

  mountStatic(app, options.distDir);
  return app;
}
