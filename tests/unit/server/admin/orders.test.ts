import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OrderRequest } from '../../../../src/domain/order.js';
import { listAudit } from '../../../../src/server/db/audit-store.js';
import type { StateChange } from '../../../../src/server/orders/effects.js';
import { BACKENDS } from '../../../support/databases.js';
import { countOrders, orderRequest, post, serverTotal } from '../support.js';
import {
  ADMIN_TEST_TIMEOUT,
  PASSWORDS,
  signedIn,
  startAdminShop,
  type AdminClient,
  type AdminShop,
} from './support.js';

vi.setConfig(ADMIN_TEST_TIMEOUT);

interface Row {
  id: string;
  placedAt: string;
  state: string;
  paymentState: string | null;
  name: string;
  email: string;
  total: number;
  items: number;
}

describe.each(BACKENDS)('processing orders in the back office (%s)', (backend) => {
  let shop: AdminShop;
  let staff: AdminClient;
  const seen: { change: StateChange; stateInTransaction: string | undefined }[] = [];
  const failNext = { on: false };
  const ids: Record<string, string> = {};

  async function place(at: string, overrides: Partial<OrderRequest>): Promise<string> {
    shop.clock.ms = Date.parse(at);
    const request = orderRequest(overrides);
    const answer = await post(shop.url, { ...request, expectedTotal: await serverTotal(shop.url, request) });
    if (answer.status !== 201) throw new Error(`order: ${answer.status}`);
    return (answer.body['order'] as { id: string }).id;
  }

  const address = (firstName: string, lastName: string) => ({ ...orderRequest().shippingAddress, firstName, lastName });

  beforeAll(async () => {
    shop = await startAdminShop(backend, {
      effects: [
        {
          async stateChanged(trx, change) {
            // Effects run inside the change's transaction: they already see the new state.
            const row = await trx
              .selectFrom('orders')
              .select('state')
              .where('id', '=', change.order.id)
              .executeTakeFirst();
            seen.push({ change, stateInTransaction: row?.state });
            if (failNext.on) throw new Error('the stock effect failed');
          },
        },
      ],
    });
    await shop.addStaff('lager@example.de', 'staff');
    // 00:30 in Berlin on 1 December is still 30 November in UTC.
    ids['erika'] = await place('2026-11-30T23:30:00.000Z', {});
    ids['juergen'] = await place('2026-12-01T10:00:00.000Z', {
      contact: { email: 'JUERGEN.mueller@example.de' },
      shippingAddress: address('Jürgen', 'Müller'),
      payment: 'cash-on-delivery',
    });
    ids['formula'] = await place('2026-12-01T11:00:00.000Z', {
      contact: { email: 'tabelle@example.de' },
      shippingAddress: address('=SUMME(1;2)', 'Meier'),
    });
    ids['anna'] = await place('2026-12-02T08:00:00.000Z', {
      contact: { email: 'anna_schmidt@example.de' },
      shippingAddress: address('Anna', 'Schmidt'),
    });
    ids['bert'] = await place('2026-12-02T08:00:00.000Z', {
      contact: { email: 'bert@example.de' },
      shippingAddress: address('Bert', 'Brecht'),
    });
    shop.clock.ms = Date.parse('2026-12-02T09:00:00.000Z');
    staff = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
  });
  afterAll(() => shop?.close());

  const list = async (query = '') => {
    const reply = await staff.get(`/api/admin/orders${query}`);
    expect(reply.status, reply.text).toBe(200);
    return reply.body as { orders: Row[]; next: string | null };
  };
  const idsOf = (rows: Row[]) => rows.map((r) => r.id);
  const detail = async (id: string) => {
    const reply = await staff.get(`/api/admin/orders/${id}`);
    return reply.body as { order: { version: number; state: string } & Record<string, unknown>; events: unknown[] };
  };
  const move = (id: string, body: Record<string, unknown>) => staff.post(`/api/admin/orders/${id}/transitions`, body);

  it('lists orders newest first with what the list shows', async () => {
    const { orders, next } = await list();
    expect(next).toBeNull();
    expect(orders).toHaveLength(5);
    expect(orders.slice(2).map((r) => r.id)).toEqual([ids['formula'], ids['juergen'], ids['erika']]);
    expect(orders.find((r) => r.id === ids['juergen'])).toEqual({
      id: ids['juergen'],
      placedAt: '2026-12-01T10:00:00.000Z',
      state: 'confirmed',
      paymentState: null,
      name: 'Jürgen Müller',
      email: 'JUERGEN.mueller@example.de',
      total: 4943,
      items: 3,
    });
    expect(orders.find((r) => r.id === ids['erika'])?.paymentState).toBe('open');
  });

  it('pages with a cursor (keyset), each order once, even two placed at the same moment', async () => {
    const pages: Row[][] = [];
    let after = '';
    for (;;) {
      const page = await list(`?limit=2${after ? `&after=${after}` : ''}`);
      pages.push(page.orders);
      if (!page.next) break;
      after = page.next;
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(idsOf(pages.flat())).toEqual(idsOf((await list()).orders));
  });

  it('searches order number prefix, e-mail and name, ignoring case', async () => {
    const id = ids['juergen'] ?? '';
    expect(idsOf((await list(`?q=${id.slice(0, 7).toLowerCase()}`)).orders)).toContain(id);
    expect(idsOf((await list(`?q=${id}`)).orders)).toEqual([id]);
    expect(idsOf((await list(`?q=${encodeURIComponent('MÜLLER')}`)).orders)).toEqual([id]);
    expect(idsOf((await list('?q=juergen.MUELLER@')).orders)).toEqual([id]);
    expect(idsOf((await list('?q=schmidt')).orders)).toEqual([ids['anna']]);
    // "_" is a letter here, not LIKE's any-character.
    expect(idsOf((await list('?q=anna_')).orders)).toEqual([ids['anna']]);
    expect(idsOf((await list('?q=a_n')).orders)).toEqual([]);
  });

  it('filters by day in Berlin time and by state', async () => {
    expect(idsOf((await list('?from=2026-12-01&to=2026-12-01')).orders).sort()).toEqual(
      [ids['erika'], ids['juergen'], ids['formula']].sort(),
    );
    expect(idsOf((await list('?to=2026-11-30')).orders)).toEqual([]);
    expect(idsOf((await list('?from=2026-12-02')).orders).sort()).toEqual([ids['anna'], ids['bert']].sort());
    expect((await list('?state=delivered')).orders).toEqual([]);
  });

  it.each([
    ['q', "' OR 1=1 --"],
    ['q', "x'; DROP TABLE orders; --"],
    ['q', '%'],
    ['q', 'a'.repeat(101)],
    ['state', "confirmed' OR '1'='1"],
    ['state', 'lost'],
    ['from', '2026-12-01; DROP TABLE orders'],
    ['from', '2026-02-30'],
    ['to', "2026-12-01' --"],
    ['to', '1'.repeat(10_000)],
    ['after', "') OR 1=1 --"],
    ['after', Buffer.from(JSON.stringify(["2026' OR 1=1", 'L-AAAAA-BBBBB'])).toString('base64url')],
    ['limit', '1 OR 1=1'],
    ['limit', '1000'],
    ['limit', '0'],
    ['unknown', 'x'],
  ])('answers a bad %s (case %#) with 400 naming the field, and changes nothing', async (field, value) => {
    const before = await countOrders(shop.server.data);
    for (const path of ['/api/admin/orders', '/api/admin/orders.csv']) {
      if (path.endsWith('.csv') && (field === 'after' || field === 'limit')) continue;
      const reply = await staff.get(`${path}?${field}=${encodeURIComponent(value)}`);
      expect(reply.status, `${path} ${reply.text}`).toBe(400);
      expect(reply.body['error']).toBe('invalid');
      expect(reply.body['issues']).toEqual([expect.objectContaining({ path: field === 'unknown' ? '' : field })]);
    }
    expect(await countOrders(shop.server.data)).toBe(before);
    expect((await list()).orders).toHaveLength(5);
  });

  it('exports the matching orders as CSV with German headers; formulas stay text', async () => {
    const reply = await staff.get('/api/admin/orders.csv?from=2026-12-01&to=2026-12-01');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toMatch(
      /^attachment; filename="bestellungen-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = reply.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Bestellnummer;Bestellt am;Status;Zahlungsstatus;Name;E-Mail;Artikel;Summe (EUR)');
    expect(lines).toHaveLength(4);
    expect(lines).toContain(
      `${ids['juergen']};01.12.2026, 11:00;Bestätigt;;Jürgen Müller;JUERGEN.mueller@example.de;3;49,43`,
    );
    expect(lines).toContain(
      `${ids['erika']};01.12.2026, 00:30;Bestätigt;Offen;Erika Mustermann;erika@example.de;3;49,43`,
    );
    expect(lines.find((l) => l.startsWith(ids['formula'] ?? '-'))).toContain(`;"'=SUMME(1;2) Meier";`);
  });

  it('shows one order with contact, address, totals, payment and its timeline; 404 for none', async () => {
    const { order, events } = await detail(ids['erika'] ?? '');
    expect(order).toMatchObject({
      id: ids['erika'],
      state: 'confirmed',
      version: 1,
      payment: 'invoice',
      paymentState: 'open',
      paidAt: null,
      tracking: null,
      cancellation: null,
      request: { contact: { email: 'erika@example.de' }, shippingAddress: { lastName: 'Mustermann' } },
      quote: { total: 4943 },
    });
    expect((order['quote'] as { vat: unknown }).vat).toBeDefined();
    expect(events).toEqual([
      {
        at: '2026-11-30T23:30:00.000Z',
        actor: 'erika@example.de',
        action: 'placed',
        from: null,
        to: 'confirmed',
        details: {},
      },
    ]);
    expect((await staff.get('/api/admin/orders/L-AAAAA-BBBBB')).status).toBe(404);
    expect((await staff.get('/api/admin/orders/nonsense')).status).toBe(404);
  });

  it('moves an order through its states, calling the effects inside the transaction', async () => {
    const id = ids['erika'] ?? '';
    const illegal = await move(id, {
      to: 'shipped',
      version: 1,
      carrier: 'dhl',
      trackingNumber: '00340434161094042557',
    });
    expect(illegal.status).toBe(409);
    expect(illegal.body['error']).toBe('illegal-transition');

    const processing = await move(id, { to: 'processing', version: 1 });
    expect(processing.status).toBe(200);
    expect(processing.body['order']).toMatchObject({ state: 'processing', version: 2 });
    expect(seen.at(-1)).toMatchObject({
      change: { from: 'confirmed', to: 'processing', order: { id } },
      stateInTransaction: 'processing',
    });

    const stale = await move(id, { to: 'cancelled', version: 1, reason: 'Kundin hat angerufen' });
    expect(stale.status).toBe(409);
    expect(stale.body['error']).toBe('version-conflict');

    const incomplete = await move(id, { to: 'shipped', version: 2 });
    expect(incomplete.status).toBe(400);
    expect((incomplete.body['issues'] as { path: string }[]).map((i) => i.path)).toEqual(['carrier', 'trackingNumber']);

    shop.clock.advance(60_000);
    const shipped = await move(id, {
      to: 'shipped',
      version: 2,
      carrier: 'dhl',
      trackingNumber: '00340434161094042557',
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body['order']).toMatchObject({
      state: 'shipped',
      version: 3,
      tracking: {
        carrier: 'dhl',
        number: '00340434161094042557',
        url: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094042557',
      },
    });
    expect(seen.at(-1)?.change.details).toEqual({ carrier: 'dhl', trackingNumber: '00340434161094042557' });
    expect((await move(id, { to: 'cancelled', version: 3, reason: 'zu spät' })).body['error']).toBe(
      'illegal-transition',
    );
    expect((await move(id, { to: 'delivered', version: 3 })).status).toBe(200);

    const { events } = await detail(id);
    expect(events.map((e) => (e as { to: string }).to)).toEqual(['confirmed', 'processing', 'shipped', 'delivered']);
    expect(events[2]).toMatchObject({ actor: 'lager@example.de', action: 'state', from: 'processing', to: 'shipped' });
    const audit = (await listAudit(shop.server.data.db, { limit: 3 })).entries;
    expect(audit[1]).toMatchObject({
      actor: 'lager@example.de',
      action: 'order-state',
      target: id,
      before: { state: 'processing', version: 2 },
      after: { state: 'shipped', version: 3, carrier: 'dhl' },
      address: '127.0.0.1',
    });
  });

  it('tells the shopper the state, when it changed and the tracking, still without personal data', async () => {
    const reply = await fetch(`${shop.url}/api/orders/${ids['erika']}`);
    const { order } = (await reply.json()) as { order: Record<string, unknown> & { request: Record<string, unknown> } };
    expect(order).toMatchObject({
      state: 'delivered',
      stateChangedAt: expect.stringMatching(/^2026-12-02T/),
      tracking: {
        carrier: 'dhl',
        number: '00340434161094042557',
        url: expect.stringMatching(/^https:\/\/www\.dhl\.de\//),
      },
    });
    expect(order.request['contact']).toBeUndefined();
    expect(order.request['shippingAddress']).toBeUndefined();
    expect(JSON.stringify(order)).not.toContain('Mustermann');
  });

  it('cancels with a reason, from confirmed', async () => {
    const reply = await move(ids['bert'] ?? '', { to: 'cancelled', version: 1, reason: 'Doppelt bestellt' });
    expect(reply.status).toBe(200);
    expect(reply.body['order']).toMatchObject({ state: 'cancelled', cancellation: { reason: 'Doppelt bestellt' } });
    expect(idsOf((await list('?state=cancelled')).orders)).toEqual([ids['bert']]);
  });

  it('lets only one of two staff changing one order at the same moment win', async () => {
    const other = await signedIn(shop, 'lager@example.de', PASSWORDS.staff);
    const id = ids['anna'] ?? '';
    const replies = await Promise.all([
      staff.post(`/api/admin/orders/${id}/transitions`, { to: 'processing', version: 1 }),
      other.post(`/api/admin/orders/${id}/transitions`, { to: 'cancelled', version: 1, reason: 'Storno' }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(replies.find((r) => r.status === 409)?.body['error']).toBe('version-conflict');
    const { order, events } = await detail(id);
    expect(order.version).toBe(2);
    expect(events).toHaveLength(2);
  });

  it('undoes the whole change when an effect fails', async () => {
    const id = ids['juergen'] ?? '';
    const auditBefore = (await listAudit(shop.server.data.db, { limit: 1 })).entries[0]?.id;
    failNext.on = true;
    try {
      expect((await move(id, { to: 'processing', version: 1 })).status).toBe(500);
    } finally {
      failNext.on = false;
    }
    const { order, events } = await detail(id);
    expect(order).toMatchObject({ state: 'confirmed', version: 1 });
    expect(events).toHaveLength(1);
    expect((await listAudit(shop.server.data.db, { limit: 1 })).entries[0]?.id).toBe(auditBefore);
  });

  it('records payment of invoice orders, under the same lock', async () => {
    const id = ids['formula'] ?? '';
    const future = await staff.post(`/api/admin/orders/${id}/payment`, {
      state: 'paid',
      paidAt: '2026-12-03',
      version: 1,
    });
    expect(future.status).toBe(400);
    const paid = await staff.post(`/api/admin/orders/${id}/payment`, {
      state: 'paid',
      paidAt: '2026-12-01',
      version: 1,
    });
    expect(paid.status).toBe(200);
    expect(paid.body['order']).toMatchObject({ paymentState: 'paid', paidAt: '2026-12-01', version: 2 });
    expect((await staff.post(`/api/admin/orders/${id}/payment`, { state: 'open', version: 1 })).body['error']).toBe(
      'version-conflict',
    );
    const cod = await staff.post(`/api/admin/orders/${ids['juergen']}/payment`, { state: 'paid', version: 1 });
    expect(cod.status).toBe(409);
    const { events } = await detail(id);
    expect(events.at(-1)).toMatchObject({
      action: 'payment',
      from: 'open',
      to: 'paid',
      details: { paidAt: '2026-12-01' },
    });
    expect((await listAudit(shop.server.data.db, { limit: 1 })).entries[0]).toMatchObject({
      action: 'order-payment',
      before: { paymentState: 'open', paidAt: null },
      after: { paymentState: 'paid', paidAt: '2026-12-01' },
    });
  });
});
