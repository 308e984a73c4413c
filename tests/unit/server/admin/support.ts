import type { Backend } from '../../../../src/server/db/data-layer.js';
import type { OrderEffects } from '../../../../src/server/orders/effects.js';
import type { Role } from '../../../../src/server/db/staff-store.js';
import { hashPassword } from '../../../../src/server/admin/password.js';
import { insertStaff } from '../../../../src/server/db/staff-store.js';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../../../../src/server/main.js';
import { freshDatabase } from '../../../support/databases.js';
import { fixtureShop } from '../support.js';

/** The back office's clock, moved by the test: sessions and throttling run on it. */
export class TestClock {
  constructor(public ms = Date.parse('2026-12-02T09:00:00.000Z')) {}
  readonly now = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const PASSWORDS = {
  owner: 'Zimtschnecke-Oktober-17',
  staff: 'Laubfrosch+Gießkanne+88',
} as const;

export interface AdminShop {
  server: RunningServer;
  url: string;
  clock: TestClock;
  /** Another server process's worth: a second instance on the same database and clock. */
  anotherInstance(): Promise<RunningServer>;
  addStaff(email: string, role: Role, password?: string): Promise<{ id: string; email: string; role: Role }>;
  close(): Promise<void>;
}

const hashes = new Map<string, Promise<string>>();
/** scrypt is slow on purpose: each test password is hashed once per test file. */
function hashed(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

/** Each sign-in costs an scrypt hash (about a second on a loaded 2-core machine). */
export const ADMIN_TEST_TIMEOUT = { testTimeout: 60_000, hookTimeout: 60_000 };

/** A shop on a fresh database of `backend`, with the back office on a test clock. */
export async function startAdminShop(
  backend: Backend,
  options: { publicUrl?: string; effects?: OrderEffects[]; mail?: StartOptions['mail'] } = {},
): Promise<AdminShop> {
  const shop = fixtureShop();
  const database = await freshDatabase(backend);
  const clock = new TestClock();
  const start = () =>
    startServer({
      port: 0,
      host: '127.0.0.1',
      distDir: shop.dist,
      // Orders are placed at the test clock's time too, so date filters can be tested.
      orders: { databaseUrl: database.url, now: () => new Date(clock.ms) },
      ...(options.effects ? { effects: options.effects } : {}),
      admin: { now: clock.now, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) },
      mail: { fileDir: join(shop.dir, 'mail'), ...options.mail },
    });
  const server = await start();
  const others: RunningServer[] = [];
  return {
    server,
    url: server.url,
    clock,
    anotherInstance: async () => {
      const other = await start();
      others.push(other);
      return other;
    },
    addStaff: async (email, role, password = role === 'owner' ? PASSWORDS.owner : PASSWORDS.staff) => {
      const passwordHash = await hashed(password);
      return server.data.write((trx) =>
        insertStaff(trx, { email, role, passwordHash, at: new Date(clock.ms).toISOString() }),
      );
    },
    close: async () => {
      for (const other of others) await other.close();
      await server.close();
      await database.drop();
      shop.remove();
    },
  };
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  text: string;
  headers: Headers;
}

/**
 * A browser's view of the back office: it keeps the session cookie it is given and sends its page's
 * Origin with every request, as a browser does for fetch() from /admin.
 */
export class AdminClient {
  cookies = new Map<string, string>();
  origin: string | null;

  constructor(
    readonly url: string,
    origin?: string | null,
  ) {
    this.origin = origin === undefined ? url : origin;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    extra: { origin?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const origin = extra.origin === undefined ? this.origin : extra.origin;
    const headers: Record<string, string> = { ...extra.headers };
    if (origin) headers['origin'] = origin;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    if (response.headers.get('content-type')?.includes('json') && text) {
      parsed = JSON.parse(text) as Record<string, unknown>;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body: unknown = {}) => this.request('POST', path, body);
  delete = (path: string) => this.request('DELETE', path);

  async signIn(email: string, password: string): Promise<Reply> {
    return this.post('/api/admin/session', { email, password });
  }
}

/** Signs in and fails the test if that does not work. */
export async function signedIn(shop: Pick<AdminShop, 'url'>, email: string, password: string): Promise<AdminClient> {
  const client = new AdminClient(shop.url);
  const reply = await client.signIn(email, password);
  if (reply.status !== 200) throw new Error(`sign-in as ${email}: ${reply.status} ${reply.text}`);
  return client;
}

/** Adds an account with the test password of its role to `server`'s database and signs it in. */
export async function addSignedInStaff(server: RunningServer, email: string, role: Role): Promise<AdminClient> {
  const password = role === 'owner' ? PASSWORDS.owner : PASSWORDS.staff;
  const passwordHash = await hashed(password);
  await server.data.write((trx) => insertStaff(trx, { email, role, passwordHash, at: new Date().toISOString() }));
  return signedIn({ url: server.url }, email, password);
}
