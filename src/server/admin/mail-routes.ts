import { Hono } from 'hono';
import { z } from 'zod';
import { appendAudit } from '../db/audit-store.js';
import { MAIL_STATES } from '../../domain/admin-api.js';
import { MailStore, parseCursor } from '../db/mail-store.js';
import { readBody, readQuery } from './body.js';
import { answer, clientAddress, problem, type Admin, type AdminEnv } from './context.js';

const listQuery = z.strictObject({
  state: z.enum(MAIL_STATES).optional(),
  after: z
    .string()
    .max(200)
    .transform((value, ctx) => {
      const cursor = parseCursor(value);
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'Unbekannte Position.' });
      return cursor ?? z.NEVER;
    })
    .optional(),
});

/**
 * `/api/admin/mail`: the outbox for every signed-in staff member; resending is for owners (the
 * guard's rule). A resend queues the same mail again (same text, same Message-ID) and is audited.
 */
export function mailRoutes(admin: Admin, options: { store: MailStore; resent?(): void }): Hono<AdminEnv> {
  const { store } = options;
  const api = new Hono<AdminEnv>();

  api.get('/', async (c) => {
    const query = readQuery(c, listQuery);
    if (!query.ok) return query.response;
    return answer(c, await store.list(query.data));
  });

  api.post('/:id/resend', async (c) => {
    const body = await readBody(c, z.strictObject({}));
    if (!body.ok) return body.response;
    const id = c.req.param('id');
    if (!z.uuid().safeParse(id).success) return problem(c, 404, 'not-found', 'Keine solche E-Mail.');
    const at = new Date(admin.now());
    const mail = await admin.data.write(async (trx) => {
      const before = await store.get(id, trx);
      const again = await store.resend(trx, id, at.getTime());
      if (before && again) {
        await appendAudit(trx, {
          actor: c.get('staff').email,
          action: 'mail-resent',
          target: id,
          before: { state: before.state, attempts: before.attempts, lastError: before.lastError },
          after: { state: again.state },
          address: clientAddress(c, admin),
          at: at.toISOString(),
        });
      }
      return again;
    });
    if (!mail) return problem(c, 404, 'not-found', 'Keine solche E-Mail.');
    options.resent?.();
    return answer(c, { mail }, 202);
  });

  return api;
}
