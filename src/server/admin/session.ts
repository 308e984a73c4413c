import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { deleteSession, insertSession, liveSession } from '../db/session-store.js';
import type { Staff } from '../db/staff-store.js';
import type { Db } from '../db/transaction.js';
import { isHttps, type Admin } from './context.js';

const COOKIE = 'laden_admin';

/**
 * The session cookie's flags, decided here and nowhere else: HttpOnly, SameSite=Strict, Path=/, and
 * no Max-Age (it ends with the browser; the server ends it sooner). Over HTTPS the `__Host-` prefix
 * makes it Secure and binds it to this exact host; over plain HTTP (localhost in development) the
 * browser would drop a Secure cookie, so it goes without.
 */
function cookieOptions(c: Context, admin: Admin): CookieOptions {
  const secure = isHttps(c, admin);
  return { httpOnly: true, sameSite: 'Strict', path: '/', secure, ...(secure ? { prefix: 'host' as const } : {}) };
}

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');

/** The hash of the session id the request carries, if it carries one that looks like ours. */
export function sessionHashOf(c: Context, admin: Admin): string | undefined {
  const id = getCookie(c, COOKIE, cookieOptions(c, admin).prefix);
  return id && /^[\w-]{43}$/.test(id) ? hashSessionId(id) : undefined;
}

/** The staff member behind the request's session, or undefined (no cookie, unknown, expired). */
export async function sessionStaff(c: Context, admin: Admin): Promise<{ staff: Staff; hash: string } | undefined> {
  const hash = sessionHashOf(c, admin);
  if (!hash) return undefined;
  const staff = await liveSession(admin.data.db, (work) => admin.data.write(work), hash, admin.now());
  return staff && { staff, hash };
}

/**
 * Inside the sign-in's transaction: a new session with a new random id (never one the client
 * brought along, which would allow session fixation), and the one the request carried ended.
 */
export async function startSession(trx: Db, c: Context, admin: Admin, staffId: string, address: string) {
  const id = randomBytes(32).toString('base64url');
  const previous = sessionHashOf(c, admin);
  if (previous) await deleteSession(trx, previous);
  await insertSession(trx, { idHash: hashSessionId(id), staffId, now: admin.now(), address });
  /** Called once the transaction has committed. */
  return () => setCookie(c, COOKIE, id, cookieOptions(c, admin));
}

export function clearSessionCookie(c: Context, admin: Admin): void {
  deleteCookie(c, COOKIE, cookieOptions(c, admin));
}
