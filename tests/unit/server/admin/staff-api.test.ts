import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../../src/server/db/audit-store.js';
import { BACKENDS } from '../../../support/databases.js';
import { ADMIN_TEST_TIMEOUT, AdminClient, PASSWORDS, signedIn, startAdminShop, type AdminShop } from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

describe.each(BACKENDS)('staff management over the API (%s)', (backend) => {
  let shop: AdminShop;
  let owner: AdminClient;
  let staff: AdminClient;
  let ownerId: string;

  beforeAll(async () => {
    shop = await startAdminShop(backend);
    ownerId = (await shop.addStaff('inhaberin@example.de', 'owner')).id;
    await shop.addStaff('lager@example.de', 'staff');
    owner = await signedIn(shop, 'inhaberin@example.de', PASSWORDS.owner);
    staff = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
  });
  afterAll(() => shop?.close());

  it('lists the accounts for an owner, without password hashes', async () => {
    const reply = await owner.get('/api/admin/staff');
    expect(reply.status).toBe(200);
    expect(reply.body['staff']).toEqual([
      { id: ownerId, email: 'inhaberin@example.de', role: 'owner', createdAt: expect.any(String), passkeys: 0 },
      { id: expect.any(String), email: 'lager@example.de', role: 'staff', createdAt: expect.any(String), passkeys: 0 },
    ]);
    expect(reply.text).not.toContain('scrypt');
  });

  it('answers 403 to staff for every staff route, before the handler runs', async () => {
    const before = await owner.get('/api/admin/staff');
    for (const [method, path, body] of [
      ['GET', '/api/admin/staff', undefined],
      ['POST', '/api/admin/staff', { email: 'neu@example.de', role: 'owner', password: 'Sonnenblume-Ahorn-42' }],
      ['DELETE', `/api/admin/staff/${ownerId}`, undefined],
    ] as const) {
      const reply = await staff.request(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body['error']).toBe('forbidden');
    }
    expect((await owner.get('/api/admin/staff')).body).toEqual(before.body);
  });

  it('adds an account (201) who can then sign in; the audit log names who did it', async () => {
    const reply = await owner.post('/api/admin/staff', {
      email: 'Versand@Example.de',
      role: 'staff',
      password: 'Sonnenblume-Ahorn-42',
    });
    expect(reply.status).toBe(201);
    expect(reply.body['staff']).toEqual({ id: expect.any(String), email: 'versand@example.de', role: 'staff' });
    expect((await new AdminClient(shop.url).signIn('versand@example.de', 'Sonnenblume-Ahorn-42')).status).toBe(200);
    const { entries } = await listAudit(shop.server.data.db, { limit: 10 });
    expect(entries.find((e) => e.action === 'staff-added')).toMatchObject({
      actor: 'inhaberin@example.de',
      target: 'versand@example.de',
      before: null,
      after: { email: 'versand@example.de', role: 'staff' },
      address: '127.0.0.1',
    });
  });

  it.each([
    ['too short', 'Kurz-und-gu', 'inhaber@example.de', 'password'],
    ['common', 'iloveyou1234', 'a@example.de', 'password'],
    ['common with digits added', 'password2024!', 'b@example.de', 'password'],
    ['all one character', 'aaaaaaaaaaaaaaaa', 'c@example.de', 'password'],
    ['a simple sequence', '123456789012345', 'd@example.de', 'password'],
    ['the e-mail address', 'gertrud.schmidt@example.de', 'gertrud.schmidt@example.de', 'password'],
    ['a bad e-mail address', 'Sonnenblume-Ahorn-42', 'kein-at-zeichen', 'email'],
  ])('refuses a password that is %s (400)', async (_what, password, email, field) => {
    const reply = await owner.post('/api/admin/staff', { email, role: 'staff', password });
    expect(reply.status).toBe(400);
    expect(reply.body['error']).toBe('invalid');
    expect(reply.body['issues']).toEqual([{ path: field, message: expect.any(String) }]);
  });

  it('refuses a second account for the same address (409 exists)', async () => {
    const reply = await owner.post('/api/admin/staff', {
      email: 'LAGER@example.de',
      role: 'owner',
      password: 'Sonnenblume-Ahorn-42',
    });
    expect(reply.status).toBe(409);
    expect(reply.body['error']).toBe('exists');
  });

  it('keeps the last owner (409 last-owner) and removes others, ending their sessions', async () => {
    const last = await owner.delete(`/api/admin/staff/${ownerId}`);
    expect(last.status).toBe(409);
    expect(last.body['error']).toBe('last-owner');
    const list = (await owner.get('/api/admin/staff')).body['staff'] as { id: string; email: string }[];
    const lager = list.find((s) => s.email === 'lager@example.de');
    expect((await owner.delete(`/api/admin/staff/${lager?.id}`)).status).toBe(204);
    expect((await staff.get('/api/admin/session')).status).toBe(401);
    expect((await owner.delete(`/api/admin/staff/${lager?.id}`)).status).toBe(404);
  });
});
