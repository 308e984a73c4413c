import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { THROTTLE } from '../../../../src/server/admin/throttle.js';
import { BACKENDS } from '../../../support/databases.js';
import { ADMIN_TEST_TIMEOUT, AdminClient, PASSWORDS, startAdminShop, type AdminShop } from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

describe.each(BACKENDS)('sign-in throttling (%s)', (backend) => {
  let shop: AdminShop;
  beforeAll(async () => {
    shop = await startAdminShop(backend);
    await shop.addStaff('inhaberin@example.de', 'owner');
  });
  afterAll(() => shop?.close());

  const wrong = (client: AdminClient, email = 'inhaberin@example.de') => client.signIn(email, 'Falsch-geraten-0000');

  it('slows one account down after 5 failures from one address, then 429 with Retry-After; a success resets it', async () => {
    const client = new AdminClient(shop.url);
    for (let i = 0; i < THROTTLE.accountFree; i++) expect((await wrong(client)).status).toBe(401);
    // Even the right password waits: the password is not looked at during the wait.
    const blocked = await client.signIn('inhaberin@example.de', PASSWORDS.owner);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect(blocked.body).toMatchObject({ error: 'throttled', retryAfter: 1 });
    shop.clock.advance(1000);
    expect((await wrong(client)).status).toBe(401);
    // Each further failure doubles the wait.
    const longer = await wrong(client);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');
    shop.clock.advance(2000);
    expect((await client.signIn('inhaberin@example.de', PASSWORDS.owner)).status).toBe(200);
    // The success forgot the count: the next failure is an ordinary 401 again.
    expect((await wrong(client)).status).toBe(401);
    expect((await wrong(client)).status).toBe(401);
  });

  it('counts failures per address across accounts, existing or not', async () => {
    shop.clock.advance(THROTTLE.forgetAfterMs + 1);
    const client = new AdminClient(shop.url);
    for (let i = 0; i < THROTTLE.addressFree; i++) {
      expect((await wrong(client, `person${i}@example.de`)).status).toBe(401);
    }
    const blocked = await wrong(client, 'noch-jemand@example.de');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('forgets the counts two hours after the last failure', async () => {
    shop.clock.advance(THROTTLE.forgetAfterMs + 1);
    const client = new AdminClient(shop.url);
    expect((await client.signIn('inhaberin@example.de', PASSWORDS.owner)).status).toBe(200);
  });

  it('keeps the counts in the database, where every server instance sees them', async () => {
    const rows = await shop.server.data.db.selectFrom('sign_in_throttle').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    // Hashed keys: no e-mail address stored in the clear.
    expect(JSON.stringify(rows)).not.toContain('@');
  });
});
