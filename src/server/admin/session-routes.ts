import { Hono } from 'hono';
import { z } from 'zod';
import { appendAudit } from '../db/audit-store.js';
import { deleteSession, purgeSessions } from '../db/session-store.js';
import { findStaffByEmail, updatePasswordHash, type Staff } from '../db/staff-store.js';
import { readBody } from './body.js';
import { answer, clientAddress, problem, type Admin, type AdminContext, type AdminEnv } from './context.js';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { clearSessionCookie, startSession } from './session.js';
import { recordFailure, recordSuccess, retryAfterSeconds, throttleKeys, type ThrottleKeys } from './throttle.js';

/** The same words for a wrong address and a wrong password: nobody learns which accounts exist. */
export const INVALID_CREDENTIALS = 'E-Mail-Adresse oder Passwort ist falsch.';

const signInSchema = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(1024),
});

export function throttled(c: AdminContext, seconds: number): Response {
  return problem(
    c,
    429,
    'throttled',
    `Zu viele fehlgeschlagene Anmeldungen. Bitte in ${seconds} Sekunden erneut versuchen.`,
    { retryAfter: seconds },
    { 'retry-after': String(seconds) },
  );
}

/**
 * The end of every sign-in attempt, password or passkey: a success starts a new session, forgets
 * the address + account's failures and is audited; a failure is counted and audited. One transaction each.
 */
export async function finishSignIn(
  c: AdminContext,
  admin: Admin,
  outcome: {
    staff: Staff;
    keys: ThrottleKeys;
    method: string;
    also?: (trx: Parameters<typeof recordSuccess>[0]) => Promise<void>;
  },
): Promise<Response> {
  const address = clientAddress(c, admin);
  const at = new Date(admin.now()).toISOString();
  const setCookie = await admin.data.write(async (trx) => {
    await recordSuccess(trx, outcome.keys);
    await outcome.also?.(trx);
    // Sessions ended by time are swept out here, so the table holds only live ones (and a few).
    await purgeSessions(trx, admin.now());
    await appendAudit(trx, {
      actor: outcome.staff.email,
      action: 'sign-in',
      target: outcome.staff.email,
      after: { method: outcome.method },
      address,
      at,
    });
    return startSession(trx, c, admin, outcome.staff.id, address);
  });
  setCookie();
  return answer(c, { staff: outcome.staff });
}

export async function failSignIn(c: AdminContext, admin: Admin, keys: ThrottleKeys, who: string, method: string) {
  const address = clientAddress(c, admin);
  const now = admin.now();
  await admin.data.write(async (trx) => {
    await recordFailure(trx, keys, now);
    await appendAudit(trx, {
      actor: who,
      action: 'sign-in-failed',
      target: who,
      after: { method },
      address,
      at: new Date(now).toISOString(),
    });
  });
  return problem(c, 401, 'invalid-credentials', INVALID_CREDENTIALS);
}

/** `/api/admin/session`: password sign-in, who am I, sign-out. */
export function sessionRoutes(admin: Admin): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();

  api.post('/', async (c) => {
    const body = await readBody(c, signInSchema);
    if (!body.ok) return body.response;
    const { email, password } = body.data;
    const keys = throttleKeys(clientAddress(c, admin), email);
    const wait = await retryAfterSeconds(admin.data.db, keys, admin.now());
    if (wait > 0) return throttled(c, wait);
    const staff = await findStaffByEmail(admin.data.db, email);
    // Hash even when there is no such account, so both refusals take the same time.
    const matches = await verifyPassword(password, staff?.passwordHash ?? (await dummyHash()));
    const who = email.trim().toLowerCase().slice(0, 254);
    if (!staff || !matches) return failSignIn(c, admin, keys, who, 'password');
    const rehash = needsRehash(staff.passwordHash) ? await hashPassword(password) : undefined;
    return finishSignIn(c, admin, {
      staff: { id: staff.id, email: staff.email, role: staff.role },
      keys,
      method: 'password',
      ...(rehash ? { also: (trx) => updatePasswordHash(trx, staff.id, rehash) } : {}),
    });
  });

  api.get('/', (c) => answer(c, { staff: c.get('staff') }));

  api.delete('/', async (c) => {
    const staff = c.get('staff');
    const hash = c.get('sessionHash');
    await admin.data.write(async (trx) => {
      await deleteSession(trx, hash);
      await appendAudit(trx, {
        actor: staff.email,
        action: 'sign-out',
        target: staff.email,
        address: clientAddress(c, admin),
        at: new Date(admin.now()).toISOString(),
      });
    });
    clearSessionCookie(c, admin);
    return c.body(null, 204);
  });

  return api;
}
