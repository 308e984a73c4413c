import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../../src/server/db/audit-store.js';
import { CHALLENGE_TTL_MS } from '../../../../src/server/db/passkey-store.js';
import { BACKENDS } from '../../../support/databases.js';
import { SoftAuthenticator, WITHOUT_USER_VERIFICATION } from './soft-authenticator.js';
import { ADMIN_TEST_TIMEOUT, AdminClient, PASSWORDS, signedIn, startAdminShop, type AdminShop } from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

describe.each(BACKENDS)('passkeys (%s)', (backend) => {
  let shop: AdminShop;
  let owner: AdminClient;
  const phone = () => new SoftAuthenticator(shop.url);

  beforeAll(async () => {
    shop = await startAdminShop(backend);
    await shop.addStaff('inhaberin@example.de', 'owner');
    owner = await signedIn(shop, 'inhaberin@example.de', PASSWORDS.owner);
  });
  afterAll(() => shop?.close());

  async function register(client: AdminClient, authenticator: SoftAuthenticator, name?: string) {
    const options = (await client.post('/api/admin/passkeys/options'))
      .body as unknown as PublicKeyCredentialCreationOptionsJSON;
    return client.post('/api/admin/passkeys', { response: authenticator.register(options), ...(name ? { name } : {}) });
  }

  async function signInWith(authenticator: SoftAuthenticator, client = new AdminClient(shop.url), flags?: number) {
    const options = (await client.post('/api/admin/session/passkey/options'))
      .body as unknown as PublicKeyCredentialRequestOptionsJSON;
    const reply = await client.post('/api/admin/session/passkey', {
      response: authenticator.authenticate(options, flags),
    });
    return { reply, client, options };
  }

  it('registers a passkey for the signed-in staff member, then signs in with it alone', async () => {
    const options = (await owner.post('/api/admin/passkeys/options'))
      .body as unknown as PublicKeyCredentialCreationOptionsJSON;
    expect(options).toMatchObject({
      rp: { name: 'Laden', id: '127.0.0.1' },
      user: { name: 'inhaberin@example.de' },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      excludeCredentials: [],
    });
    const authenticator = phone();
    const added = await owner.post('/api/admin/passkeys', {
      response: authenticator.register(options),
      name: 'Telefon',
    });
    expect(added.status).toBe(201);
    expect(added.body['passkey']).toEqual({
      id: authenticator.id,
      name: 'Telefon',
      createdAt: expect.any(String),
      lastUsedAt: null,
    });

    const { reply, client, options: request } = await signInWith(authenticator);
    expect(request).toMatchObject({ rpId: '127.0.0.1', userVerification: 'required' });
    expect(reply.status).toBe(200);
    expect(reply.body['staff']).toMatchObject({ email: 'inhaberin@example.de', role: 'owner' });
    expect(reply.headers.getSetCookie()[0]).toMatch(/^laden_admin=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect((await client.get('/api/admin/session')).status).toBe(200);
    const list = (await owner.get('/api/admin/passkeys')).body['passkeys'] as { lastUsedAt: string | null }[];
    expect(list).toEqual([
      { id: authenticator.id, name: 'Telefon', createdAt: expect.any(String), lastUsedAt: expect.any(String) },
    ]);
    const audit = (await listAudit(shop.server.data.db, { limit: 3 })).entries.map((e) => [e.action, e.after]);
    expect(audit).toContainEqual(['passkey-added', { id: authenticator.id, name: 'Telefon' }]);
    expect(audit[0]).toEqual(['sign-in', { method: 'passkey' }]);
  });

  it('uses each challenge once: a replayed answer is refused', async () => {
    const authenticator = phone();
    expect((await register(owner, authenticator)).status).toBe(201);
    const client = new AdminClient(shop.url);
    const options = (await client.post('/api/admin/session/passkey/options'))
      .body as unknown as PublicKeyCredentialRequestOptionsJSON;
    const response = authenticator.authenticate(options);
    expect((await client.post('/api/admin/session/passkey', { response })).status).toBe(200);
    const replay = await new AdminClient(shop.url).post('/api/admin/session/passkey', { response });
    expect(replay.status).toBe(401);
    expect(replay.body['error']).toBe('invalid-credentials');
  });

  it('refuses an expired challenge, another origin, an unknown key and a passkey without user verification', async () => {
    const authenticator = phone();
    expect((await register(owner, authenticator)).status).toBe(201);

    const client = new AdminClient(shop.url);
    const options = (await client.post('/api/admin/session/passkey/options'))
      .body as unknown as PublicKeyCredentialRequestOptionsJSON;
    shop.clock.advance(CHALLENGE_TTL_MS + 1);
    expect(
      (await client.post('/api/admin/session/passkey', { response: authenticator.authenticate(options) })).status,
    ).toBe(401);

    authenticator.origin = 'https://phishing.example';
    expect((await signInWith(authenticator)).reply.status).toBe(401);
    authenticator.origin = shop.url;

    expect((await signInWith(phone())).reply.status).toBe(401);
    expect((await signInWith(authenticator, undefined, WITHOUT_USER_VERIFICATION)).reply.status).toBe(401);
    expect((await signInWith(authenticator)).reply.status).toBe(200);
  });

  it('refuses a registration answered for another challenge (400 invalid-passkey)', async () => {
    const forged = phone().register({
      challenge: 'bm90LWlzc3VlZC1ieS10aGUtc2VydmVy',
      rp: { name: 'Laden', id: '127.0.0.1' },
      user: { id: 'eA', name: 'x', displayName: 'x' },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    });
    const reply = await owner.post('/api/admin/passkeys', { response: forged });
    expect(reply.status).toBe(400);
    expect(reply.body['error']).toBe('invalid-passkey');
  });

  it('removes only your own passkey; afterwards it signs nobody in', async () => {
    await shop.addStaff('lager@example.de', 'staff');
    const staff = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
    const authenticator = phone();
    expect((await register(owner, authenticator, 'Schlüssel')).status).toBe(201);
    expect((await staff.delete(`/api/admin/passkeys/${authenticator.id}`)).status).toBe(404);
    expect((await owner.delete(`/api/admin/passkeys/${authenticator.id}`)).status).toBe(204);
    expect((await signInWith(authenticator)).reply.status).toBe(401);
    expect((await listAudit(shop.server.data.db, { limit: 5 })).entries.map((e) => e.action)).toContain(
      'passkey-removed',
    );
  });

  it('keeps the challenges in the database, where every server instance finds them', async () => {
    const client = new AdminClient(shop.url);
    const options = (await client.post('/api/admin/session/passkey/options'))
      .body as unknown as PublicKeyCredentialRequestOptionsJSON;
    const row = await shop.server.data.db
      .selectFrom('webauthn_challenges')
      .selectAll()
      .where('challenge', '=', options.challenge)
      .executeTakeFirst();
    expect(row).toMatchObject({ purpose: 'sign-in', staff_id: null, expires_at: shop.clock.ms + CHALLENGE_TTL_MS });
  });
});
