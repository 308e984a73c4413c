import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DataLayer } from '../db/data-layer.js';
import type { Staff } from '../db/staff-store.js';
import type { OrderEffects } from '../orders/effects.js';

/** What the back office is configured with; every field has a default for production. */
export interface AdminConfig {
  /** The clock sessions, throttling and the audit log run on (epoch ms); tests move it forward. */
  now?: () => number;
  /**
   * The shop's public address (default $LADEN_PUBLIC_URL): its origin is the only one state-changing
   * requests may come from, its host the passkeys' relying party. Without it, the request's own.
   */
  publicUrl?: string;
  /** Behind a reverse proxy: take the client address and scheme from X-Forwarded-For/-Proto. */
  trustProxy?: boolean;
}

export interface Admin {
  data: DataLayer;
  now: () => number;
  publicUrl: URL | undefined;
  trustProxy: boolean;
  effects: Required<OrderEffects>;
}

/** Hono's variables on every `/api/admin/*` request behind the guard. */
export interface AdminEnv {
  Variables: {
    /** The signed-in staff member (set by the guard for every route but the sign-in ones). */
    staff: Staff;
    /** SHA-256 of the session id, to end this very session. */
    sessionHash: string;
  };
}

export type AdminContext = Context<AdminEnv>;

/** The back office's error shape: a code for the app and a German sentence for the person. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return c.json({ error, message, ...extra }, status, { 'cache-control': 'no-store', ...headers });
}

export function answer(c: Context, body: unknown, status: ContentfulStatusCode = 200): Response {
  return c.json(body, status, { 'cache-control': 'no-store' });
}

/** The client's address: the socket's peer, or the proxy's last X-Forwarded-For entry when trusted. */
export function clientAddress(c: Context, admin: Pick<Admin, 'trustProxy'>): string {
  if (admin.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The origin the shop is served from, as the browser sees it. */
export function ownOrigin(c: Context, admin: Pick<Admin, 'publicUrl' | 'trustProxy'>): string {
  if (admin.publicUrl) return admin.publicUrl.origin;
  const url = new URL(c.req.url);
  const proto = admin.trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  return proto === 'https' || proto === 'http' ? `${proto}://${url.host}` : url.origin;
}

export const isHttps = (c: Context, admin: Pick<Admin, 'publicUrl' | 'trustProxy'>) =>
  ownOrigin(c, admin).startsWith('https:');
