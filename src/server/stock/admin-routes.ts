import { Hono } from 'hono';
import { z } from 'zod';
import { readBody, readQuery } from '../admin/body.js';
import { answer, clientAddress, problem, type Admin, type AdminEnv } from '../admin/context.js';
import { appendAudit } from '../db/audit-store.js';
import { listStock, setStock } from '../db/stock-store.js';

/** The most units one item can be set to (the catalog format's limit). */
export const MAX_UNITS = 1_000_000;

const listQuery = z.strictObject({
  q: z.string().trim().max(100, 'Höchstens 100 Zeichen.').optional(),
  low: z.enum(['0', '1', '']).optional(),
  after: z.string().max(200, 'Höchstens 200 Zeichen.').optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

const changeBody = z.strictObject({
  available: z.int('Bitte eine ganze Zahl angeben.').min(0, 'Nicht weniger als 0.').max(MAX_UNITS),
  reason: z.string().trim().min(1, 'Bitte einen Grund angeben.').max(200, 'Höchstens 200 Zeichen.'),
});

function decodedSku(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param; // not valid percent-encoding: no sku looks like that, so it answers 404
  }
}

/**
 * `/api/admin/stock` (every signed-in staff member): the list with search and a low-stock filter,
 * and setting an item's units with a reason. Each change and its audit entry are one transaction.
 */
export function adminStockRoutes(admin: Admin): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();

  api.get('/', async (c) => {
    const query = readQuery(c, listQuery);
    if (!query.ok) return query.response;
    const { q, low, after, limit = 50 } = query.data;
    return answer(c, await listStock(admin.data.db, { q, low: low === '1', after, limit }));
  });

  // A variant's sku has a slash ("p00004/p00004-m"); it may come encoded (%2F) or not.
  api.put('/:sku{.+}', async (c) => {
    const sku = decodedSku(c.req.param('sku'));
    const body = await readBody(c, changeBody);
    if (!body.ok) return body.response;
    const { available, reason } = body.data;
    const at = new Date(admin.now());
    const changed = await admin.data.write(async (trx) => {
      const result = await setStock(trx, sku, available, at);
      if (!result) return undefined;
      await appendAudit(trx, {
        actor: c.get('staff').email,
        action: 'stock-changed',
        target: sku,
        before: { available: result.before.available },
        after: { available, reason },
        address: clientAddress(c, admin),
        at: at.toISOString(),
      });
      return result;
    });
    if (!changed) return problem(c, 404, 'not-found', `Keinen Artikel ${sku}.`);
    return answer(c, { item: changed.after });
  });

  return api;
}
