import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../../src/server/db/audit-store.js';
import { IDLE_TIMEOUT_MS } from '../../../../src/server/db/session-store.js';
import { BACKENDS } from '../../../support/databases.js';
import { ADMIN_TEST_TIMEOUT, AdminClient, PASSWORDS, signedIn, startAdminShop, type AdminShop } from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

const MINUTE = 60_000;

describe.each(BACKENDS)('back-office sign-in and sessions (%s)', (backend) => {
  let shop: AdminShop;

  beforeAll(async () => {
    shop = await startAdminShop(backend);
    await shop.addStaff('inhaberin@example.de', 'owner');
    await shop.addStaff('lager@example.de', 'staff');
  });
  afterAll(() => shop?.close());

  it('signs in with e-mail and password: 200, the staff member, an HttpOnly SameSite=Strict cookie', async () => {
    const client = new AdminClient(shop.url);
    const reply = await client.signIn(' Inhaberin@Example.de ', PASSWORDS.owner);
    expect(reply.status).toBe(200);
    expect(reply.body['staff']).toEqual({ id: expect.any(String), email: 'inhaberin@example.de', role: 'owner' });
    const cookie = reply.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^laden_admin=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const me = await client.get('/api/admin/session');
    expect(me.status).toBe(200);
    expect(me.body['staff']).toEqual(reply.body['staff']);
  });

  it('stores only the hash of the session id', async () => {
    const client = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
    const id = client.cookies.get('laden_admin') ?? '';
    const rows = await shop.server.data.db.selectFrom('admin_sessions').select('id_hash').execute();
    expect(rows.map((r) => r.id_hash)).not.toContain(id);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
  });

  it('answers a wrong password and an unknown address with the same 401', async () => {
    const client = new AdminClient(shop.url);
    const wrong = await client.signIn('inhaberin@example.de', 'Falsches-Passwort-123');
    const unknown = await client.signIn('niemand@example.de', PASSWORDS.owner);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'invalid-credentials', message: 'E-Mail-Adresse oder Passwort ist falsch.' });
    expect(unknown.body).toEqual(wrong.body);
    expect(client.cookies.size).toBe(0);
    const { entries } = await listAudit(shop.server.data.db, { limit: 5 });
    expect(entries.slice(0, 2).map((e) => [e.action, e.target, e.address])).toEqual([
      ['sign-in-failed', 'niemand@example.de', '127.0.0.1'],
      ['sign-in-failed', 'inhaberin@example.de', '127.0.0.1'],
    ]);
  });

  it('gives a new session id at every sign-in; the one the browser brought no longer works', async () => {
    const client = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
    const first = client.cookies.get('laden_admin');
    const old = new AdminClient(shop.url);
    old.cookies.set('laden_admin', first ?? '');
    expect((await client.signIn('lager@example.de', PASSWORDS.staff)).status).toBe(200);
    expect(client.cookies.get('laden_admin')).not.toBe(first);
    expect((await client.get('/api/admin/session')).status).toBe(200);
    expect((await old.get('/api/admin/session')).status).toBe(401);
  });

  it('signs out: 204, the cookie cleared and the session ended on the server', async () => {
    const client = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
    const copy = new AdminClient(shop.url);
    copy.cookies = new Map(client.cookies);
    const out = await client.delete('/api/admin/session');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^laden_admin=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
    // A copy of the cookie kept elsewhere is worthless now.
    expect((await copy.get('/api/admin/session')).status).toBe(401);
    const { entries } = await listAudit(shop.server.data.db, { limit: 1 });
    expect(entries[0]).toMatchObject({ action: 'sign-out', actor: 'lager@example.de' });
  });

  it('ends a session idle for 30 minutes', async () => {
    const client = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
    shop.clock.advance(IDLE_TIMEOUT_MS - MINUTE);
    expect((await client.get('/api/admin/session')).status).toBe(200);
    shop.clock.advance(IDLE_TIMEOUT_MS - MINUTE);
    expect((await client.get('/api/admin/session')).status).toBe(200);
    shop.clock.advance(IDLE_TIMEOUT_MS + 1);
    const expired = await client.get('/api/admin/session');
    expect(expired.status).toBe(401);
    expect(expired.body['error']).toBe('unauthenticated');
  });

  it('ends even a busy session 12 hours after sign-in', async () => {
    const client = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
    for (let elapsed = 0; elapsed < 12 * 60 * MINUTE - 20 * MINUTE; elapsed += 20 * MINUTE) {
      shop.clock.advance(20 * MINUTE);
      expect((await client.get('/api/admin/session')).status).toBe(200);
    }
    shop.clock.advance(20 * MINUTE);
    expect((await client.get('/api/admin/session')).status).toBe(401);
  });

  it('refuses state-changing requests without this origin (403 bad-origin), signed in or not', async () => {
    const client = await signedIn(shop, 'inhaberin@example.de', PASSWORDS.owner);
    for (const origin of [null, 'http://evil.example', 'null', shop.url.replace('127.0.0.1', 'localhost')]) {
      const reply = await client.request('DELETE', '/api/admin/session', undefined, { origin });
      expect(reply.status).toBe(403);
      expect(reply.body['error']).toBe('bad-origin');
    }
    const signIn = await new AdminClient(shop.url, null).signIn('inhaberin@example.de', PASSWORDS.owner);
    expect(signIn.status).toBe(403);
    expect((await client.get('/api/admin/session')).status).toBe(200);
  });

  it('refuses a cross-site form post that carries the cookie (CSRF) and changes nothing', async () => {
    const owner = await signedIn(shop, 'inhaberin@example.de', PASSWORDS.owner);
    const before = (await owner.get('/api/admin/staff')).body['staff'] as unknown[];
    const attack = await owner.request(
      'POST',
      '/api/admin/staff',
      JSON.stringify({ email: 'angreifer@evil.example', role: 'owner', password: 'Ein-sehr-langes-Passwort' }),
      { origin: 'https://evil.example', headers: { 'content-type': 'text/plain' } },
    );
    expect(attack.status).toBe(403);
    expect(attack.body['error']).toBe('bad-origin');
    expect((await owner.get('/api/admin/staff')).body['staff']).toEqual(before);
  });

  it('answers 413 to a body over 64 KB', async () => {
    const reply = await new AdminClient(shop.url).post('/api/admin/session', {
      email: 'a@example.de',
      password: 'x'.repeat(70_000),
    });
    expect(reply.status).toBe(413);
    expect(reply.body['error']).toBe('too-large');
  });

  it('answers malformed JSON and wrong fields with 400', async () => {
    const client = new AdminClient(shop.url);
    const bad = await client.post('/api/admin/session', '{"email": ');
    expect(bad.status).toBe(400);
    expect(bad.body['error']).toBe('bad-json');
    const wrong = await client.post('/api/admin/session', { email: 5, password: 'x', admin: true });
    expect(wrong.status).toBe(400);
    expect(wrong.body['error']).toBe('invalid');
  });
});

describe.each(BACKENDS)('the session cookie over HTTPS (%s)', (backend) => {
  let shop: AdminShop;
  beforeAll(async () => {
    shop = await startAdminShop(backend, { publicUrl: 'https://laden.example' });
    await shop.addStaff('inhaberin@example.de', 'owner');
  });
  afterAll(() => shop?.close());

  it('is __Host-laden_admin, Secure, and only this origin may post', async () => {
    const client = new AdminClient(shop.url, 'https://laden.example');
    const reply = await client.signIn('inhaberin@example.de', PASSWORDS.owner);
    expect(reply.status).toBe(200);
    expect(reply.headers.getSetCookie()[0]).toMatch(
      /^__Host-laden_admin=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect((await client.get('/api/admin/session')).status).toBe(200);
    const local = await new AdminClient(shop.url).signIn('inhaberin@example.de', PASSWORDS.owner);
    expect(local.status).toBe(403);
  });
});
