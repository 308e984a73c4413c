import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Role } from '../db/staff-store.js';
import { ownOrigin, problem, type Admin, type AdminEnv } from './context.js';
import { sessionStaff } from './session.js';

type Access = 'public' | Role;

/**
 * Who may call what under /api/admin. The first matching rule decides; a route no rule names is
 * open to every signed-in staff member (orders, stock, reading the mail outbox). A feature that
 * adds an owner-only route adds its rule here.
 */
export const ACCESS_RULES: readonly { method?: string; path: RegExp; access: Access }[] = [
  { method: 'POST', path: /^\/api\/admin\/session$/, access: 'public' },
  { method: 'POST', path: /^\/api\/admin\/session\/passkey(\/options)?$/, access: 'public' },
  { path: /^\/api\/admin\/staff(\/|$)/, access: 'owner' },
  { path: /^\/api\/admin\/audit(\/|$)/, access: 'owner' },
  { method: 'POST', path: /^\/api\/admin\/catalog$/, access: 'owner' },
  { method: 'POST', path: /^\/api\/admin\/mail\/[^/]+\/resend$/, access: 'owner' },
];

/** Bodies larger than this are refused (413) before anything reads them. */
export const MAX_ADMIN_BODY_BYTES = 64 * 1024;

export function accessFor(method: string, path: string): Access {
  const rule = ACCESS_RULES.find((r) => (!r.method || r.method === method) && r.path.test(path));
  return rule?.access ?? 'staff';
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The one gate in front of every /api/admin route, before any handler runs: a state-changing request
 * from another origin is 403 `bad-origin` (CSRF, besides SameSite=Strict); without a live session 401;
 * with a role the route does not allow 403. Behind it, `c.get('staff')` is the signed-in member.
 */
export function adminGuard(admin: Admin): MiddlewareHandler<AdminEnv> {
  const limit = bodyLimit({
    maxSize: MAX_ADMIN_BODY_BYTES,
    onError: (c) => problem(c, 413, 'too-large', `Die Anfrage ist größer als ${MAX_ADMIN_BODY_BYTES / 1024} KB.`),
  });
  return async (c, next) => {
    const method = c.req.method;
    if (STATE_CHANGING.has(method) && c.req.header('origin') !== ownOrigin(c, admin)) {
      return problem(c, 403, 'bad-origin', 'Die Anfrage kommt nicht von dieser Seite.');
    }
    const access = accessFor(method, c.req.path);
    if (access !== 'public') {
      const session = await sessionStaff(c, admin);
      if (!session) return problem(c, 401, 'unauthenticated', 'Bitte melden Sie sich an.');
      if (access === 'owner' && session.staff.role !== 'owner') {
        return problem(c, 403, 'forbidden', 'Das dürfen nur Inhaber.');
      }
      c.set('staff', session.staff);
      c.set('sessionHash', session.hash);
    }
    c.header('cache-control', 'no-store');
    return limit(c, next);
  };
}
