import { Hono } from 'hono';
import { z } from 'zod';
import { listAudit } from '../db/audit-store.js';
import { readQuery } from './body.js';
import { answer, type Admin, type AdminEnv } from './context.js';

const number = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,12}$/, `Eine Zahl von ${min} bis ${max}.`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const auditQuery = z.strictObject({
  before: number(1, Number.MAX_SAFE_INTEGER).optional(),
  limit: number(1, 100).optional(),
});

/** `/api/admin/audit` (owners): read only; no route changes or deletes an entry. */
export function auditRoutes(admin: Admin): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/', async (c) => {
    const query = readQuery(c, auditQuery);
    if (!query.ok) return query.response;
    const page = await listAudit(admin.data.db, {
      limit: query.data.limit ?? 50,
      ...(query.data.before ? { before: query.data.before } : {}),
    });
    return answer(c, { entries: page.entries, next: page.next === null ? null : String(page.next) });
  });
  return api;
}
