import { Hono } from 'hono';
import type { DataLayer } from '../db/data-layer.js';
import type { OrderEffects } from '../orders/effects.js';
import { problem, type Admin, type AdminConfig, type AdminEnv } from './context.js';
import { auditRoutes } from './audit-routes.js';
import { adminGuard } from './guard.js';
import { passkeyRoutes, passkeySignInRoutes } from './passkey-routes.js';
import { orderCsvRoute, orderRoutes } from './order-routes.js';
import { dummyHash } from './password.js';
import { sessionRoutes } from './session-routes.js';
import { staffRoutes } from './staff-routes.js';

export function adminSettings(data: DataLayer, effects: Required<OrderEffects>, config: AdminConfig = {}): Admin {
  const publicUrl = config.publicUrl ?? process.env['LADEN_PUBLIC_URL'];
  // Made now, not at the first unknown address: that attempt would otherwise take twice as long.
  void dummyHash();
  return {
    data,
    effects,
    now: config.now ?? Date.now,
    publicUrl: publicUrl ? new URL(publicUrl) : undefined,
    trustProxy: config.trustProxy ?? process.env['LADEN_TRUST_PROXY'] === '1',
  };
}

/**
 * Everything under /api/admin, the guard first: a route added to the returned app (stock, mail,
 * catalog: `api.route('/stock', …)`) is behind it too.
 */
export function adminApi(admin: Admin): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.use('*', adminGuard(admin));
  api.route('/session/passkey', passkeySignInRoutes(admin));
  api.route('/session', sessionRoutes(admin));
  api.route('/passkeys', passkeyRoutes(admin));
  api.route('/audit', auditRoutes(admin));
  api.route('/staff', staffRoutes(admin));
  api.route('/orders.csv', orderCsvRoute(admin));
  api.route('/orders', orderRoutes(admin));
  return api;
}

/** Mounted last: an unknown admin route is 404 only for someone signed in (the guard answered first). */
export function adminNotFound(api: Hono<AdminEnv>): void {
  api.all('*', (c) => problem(c, 404, 'not-found', `Keine API unter ${c.req.path}`));
}
