import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { THROTTLE } from '../../../../src/server/admin/throttle.js';
import { BACKENDS } from '../../../support/databases.js';
import { orderRequest, post, serverTotal } from '../support.js';
import { ADMIN_TEST_TIMEOUT, AdminClient, PASSWORDS, signedIn, startAdminShop, type AdminShop } from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

/** A client of instance `url` carrying the cookies another instance gave it (a load balancer's view). */
function sameBrowserAt(url: string, client: AdminClient): AdminClient {
  const moved = new AdminClient(url);
  moved.cookies = client.cookies;
  return moved;
}

describe.each(BACKENDS)('two server instances on one database (%s)', (backend) => {
  let shop: AdminShop;
  let second: string;

  beforeAll(async () => {
    shop = await startAdminShop(backend);
    second = (await shop.anotherInstance()).url;
    await shop.addStaff('lager@example.de', 'staff');
  });
  afterAll(() => shop?.close());

  it('share sessions: signed in on one, known on the other; signed out on one, gone on both', async () => {
    const client = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
    const there = sameBrowserAt(second, client);
    // The Origin a browser sends is the page's, which is the instance it talks to.
    there.origin = second;
    expect((await there.get('/api/admin/session')).status).toBe(200);
    expect((await there.delete('/api/admin/session')).status).toBe(204);
    expect((await client.get('/api/admin/session')).status).toBe(401);
  });

  it('share the throttling counts', async () => {
    const one = new AdminClient(shop.url);
    const two = new AdminClient(second);
    for (let i = 0; i < THROTTLE.accountFree; i++) {
      const client = i % 2 === 0 ? one : two;
      expect((await client.signIn('lager@example.de', 'Falsch-geraten-0000')).status).toBe(401);
    }
    expect((await one.signIn('lager@example.de', PASSWORDS.staff)).status).toBe(429);
    expect((await two.signIn('lager@example.de', PASSWORDS.staff)).status).toBe(429);
    shop.clock.advance(1000);
    expect((await two.signIn('lager@example.de', PASSWORDS.staff)).status).toBe(200);
  });

  it('let only one of two changes to one order win, each on its own instance', async () => {
    const request = orderRequest();
    const placed = await post(shop.url, { ...request, expectedTotal: await serverTotal(shop.url, request) });
    const id = (placed.body['order'] as { id: string }).id;
    const here = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
    const there = sameBrowserAt(second, await signedIn(shop, 'lager@example.de', PASSWORDS.staff));
    there.origin = second;
    const replies = await Promise.all([
      here.post(`/api/admin/orders/${id}/transitions`, { to: 'processing', version: 1 }),
      there.post(`/api/admin/orders/${id}/transitions`, { to: 'cancelled', version: 1, reason: 'Storno' }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const detail = await there.get(`/api/admin/orders/${id}`);
    expect((detail.body['order'] as { version: number }).version).toBe(2);
    expect(detail.body['events']).toHaveLength(2);
  });
});
