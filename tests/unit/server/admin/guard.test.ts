import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS } from '../../../support/databases.js';
import { ADMIN_TEST_TIMEOUT, AdminClient, PASSWORDS, signedIn, startAdminShop, type AdminShop } from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

const ORDER = 'L-AAAAA-BBBBB';
const UUID = '00000000-0000-4000-8000-000000000000';

/** Every back-office route that needs a session, with a body it would accept. */
const SIGNED_IN_ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/admin/session'],
  ['DELETE', '/api/admin/session'],
  ['GET', '/api/admin/passkeys'],
  ['POST', '/api/admin/passkeys/options', {}],
  ['POST', '/api/admin/passkeys', { response: { id: 'abc', rawId: 'abc', type: 'public-key', response: {} } }],
  ['DELETE', '/api/admin/passkeys/abc'],
  ['GET', '/api/admin/orders'],
  ['GET', '/api/admin/orders.csv'],
  ['GET', `/api/admin/orders/${ORDER}`],
  ['POST', `/api/admin/orders/${ORDER}/transitions`, { to: 'processing', version: 1 }],
  ['POST', `/api/admin/orders/${ORDER}/payment`, { state: 'paid', version: 1 }],
  ['GET', '/api/admin/no-such-route'],
];

const OWNER_ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/admin/staff'],
  ['POST', '/api/admin/staff', { email: 'neu@example.de', role: 'owner', password: 'Sonnenblume-Ahorn-42' }],
  ['DELETE', `/api/admin/staff/${UUID}`],
  ['GET', '/api/admin/audit'],
  ['POST', '/api/admin/catalog', {}],
  ['POST', `/api/admin/mail/${UUID}/resend`, {}],
];

describe.each(BACKENDS)('the /api/admin guard (%s)', (backend) => {
  let shop: AdminShop;
  let owner: AdminClient;
  let staff: AdminClient;

  beforeAll(async () => {
    shop = await startAdminShop(backend);
    await shop.addStaff('inhaberin@example.de', 'owner');
    await shop.addStaff('lager@example.de', 'staff');
    owner = await signedIn(shop, 'inhaberin@example.de', PASSWORDS.owner);
    staff = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
  });
  afterAll(() => shop?.close());

  it.each([...SIGNED_IN_ROUTES, ...OWNER_ROUTES])('%s %s answers 401 without a session', async (method, path, body) => {
    const reply = await new AdminClient(shop.url).request(method, path, body);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ error: 'unauthenticated', message: expect.any(String) });
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it.each(OWNER_ROUTES)('%s %s answers 403 to staff', async (method, path, body) => {
    const reply = await staff.request(method, path, body);
    expect(reply.status).toBe(403);
    expect(reply.body['error']).toBe('forbidden');
  });

  it('decides on the path the router sees: an encoded owner route is still owner-only', async () => {
    for (const path of ['/api/admin/%73taff', '/api/admin/%73taff?x=1', '/api/admin/aud%69t']) {
      expect((await staff.get(path)).status, path).toBe(403);
    }
  });

  it('answers 401 to a forged or unknown session cookie', async () => {
    const forged = new AdminClient(shop.url);
    forged.cookies.set('laden_admin', 'A'.repeat(43));
    expect((await forged.get('/api/admin/orders')).status).toBe(401);
    forged.cookies.set('laden_admin', "' OR 1=1 --");
    expect((await forged.get('/api/admin/orders')).status).toBe(401);
  });

  it('lets staff reach their routes (no 401/403)', async () => {
    for (const [method, path, body] of SIGNED_IN_ROUTES.filter(
      ([m, p]) => !(m === 'DELETE' && p.endsWith('/session')),
    )) {
      const reply = await staff.request(method, path, body);
      expect([401, 403], `${method} ${path}`).not.toContain(reply.status);
    }
  });

  it('shows owners the audit log newest first, in pages; nothing changes or deletes an entry', async () => {
    await new AdminClient(shop.url).signIn('lager@example.de', 'falsch-geraten-1234');
    const first = await owner.get('/api/admin/audit?limit=2');
    expect(first.status).toBe(200);
    const entries = first.body['entries'] as { id: number; action: string; actor: string; address: string | null }[];
    expect(entries).toHaveLength(2);
    expect(entries[0]?.id).toBeGreaterThan(entries[1]?.id ?? Infinity);
    const next = first.body['next'] as string;
    expect(next).toEqual(String(entries[1]?.id));
    const second = await owner.get(`/api/admin/audit?limit=2&before=${next}`);
    expect((second.body['entries'] as { id: number }[])[0]?.id).toBeLessThan(entries[1]?.id ?? 0);
    const signIns = ((await owner.get('/api/admin/audit?limit=100')).body['entries'] as typeof entries).filter(
      (e) => e.action === 'sign-in',
    );
    expect(signIns.map((e) => [e.actor, e.address])).toEqual(
      expect.arrayContaining([
        ['lager@example.de', '127.0.0.1'],
        ['inhaberin@example.de', '127.0.0.1'],
      ]),
    );
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      expect((await owner.request(method, `/api/admin/audit/${entries[0]?.id}`, {})).status).toBe(404);
    }
    expect((await owner.get('/api/admin/audit?before=1%20OR%201%3D1')).status).toBe(400);
    expect((await owner.get('/api/admin/audit?limit=101')).status).toBe(400);
  });
});
