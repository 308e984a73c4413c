import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { OrderRequest } from '../../../src/domain/order.js';
import { orderRequest, post, useOrdersServer, type Answer } from './support.js';

/**
 * What the order API refuses, over HTTP against the real server: each refusal is a 400 (or 413)
 * with a German message naming the problem, and nothing is kept, not even the Idempotency-Key:
 * a valid order sent afterwards under the same key is created as new.
 */
describe('POST /api/orders refuses malformed and hostile input', () => {
  const server = useOrdersServer();

  const valid = (): OrderRequest => orderRequest({ expectedTotal: server.total });

  /** Posts `body`, expects the refusal, then proves nothing was stored under its key. */
  async function refused(body: unknown, status = 400): Promise<Answer> {
    const key = randomUUID();
    const answer = await post(server.url, body, key);
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body['message']).toEqual(expect.any(String));
    const after = await post(server.url, valid(), key);
    expect(after.status).toBe(201);
    expect(after.headers.get('idempotent-replayed') ?? 'false').toBe('false');
    return answer;
  }

  /**
   * A body far over the limit is answered 413 before it is read; the server then closes the
   * connection, which fetch reports as a socket error. node:http hands over the answer regardless.
   */
  function postLarge(body: string, key: string): Promise<{ status: number; body: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${server.url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      });
      req.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      });
      // A write cut short by the server's early answer is expected; no answer at all is not.
      req.on('error', (error) => setTimeout(() => reject(error), 2_000).unref());
      req.end(body);
    });
  }

  const issues = (answer: Answer) => answer.body['issues'] as { path: string; message: string }[];

  it.each([
    ['at the top', (r: Record<string, unknown>) => ({ ...r, admin: true }), '', 'admin'],
    ['in the cart', (r: OrderRequest) => ({ ...r, cart: { ...r.cart, discount: 100 } }), 'cart', 'discount'],
    [
      'in a line',
      (r: OrderRequest) => ({ ...r, cart: { ...r.cart, lines: [{ productId: 'p00001', quantity: 1, price: 1 }] } }),
      'cart.lines.0',
      'price',
    ],
    [
      'in the address',
      (r: OrderRequest) => ({ ...r, shippingAddress: { ...r.shippingAddress, __proto__x: 'y' } }),
      'shippingAddress',
      '__proto__x',
    ],
  ] as const)('unknown fields %s: 400 naming them', async (_, change, path, field) => {
    const answer = await refused(change(valid() as OrderRequest & Record<string, unknown>));
    expect(answer.body['error']).toBe('invalid');
    expect(issues(answer)).toContainEqual({ path, message: `Unbekannte Felder: ${field}.` });
  });

  it.each([[-1], [0], [1e9], [1.5], [Number.MAX_SAFE_INTEGER + 2], ['2'], [null]])(
    'quantity %s: 400, a whole number from 1 to 999',
    async (quantity) => {
      const request = valid() as unknown as { cart: { lines: { quantity: unknown }[] } };
      request.cart.lines[0]!.quantity = quantity;
      const answer = await refused(request);
      expect(issues(answer)).toContainEqual({
        path: 'cart.lines.0.quantity',
        message: 'Die Menge muss eine ganze Zahl von 1 bis 999 sein.',
      });
    },
  );

  it.each(['../catalog.json', 'p00001/../p00002', '..', '.hidden', 'p00001\u0000', 'p00001\n', 'p0\r\n01', '', 'ä'])(
    'product id %j: 400',
    async (productId) => {
      const request = valid();
      request.cart.lines[0]!.productId = productId;
      const answer = await refused(request);
      expect(issues(answer)).toContainEqual({
        path: 'cart.lines.0.productId',
        message: 'Unbekanntes Format einer Artikelnummer.',
      });
    },
  );

  it('501 lines under the size limit: 400, at most 500 lines', async () => {
    const request = valid();
    request.cart.lines = Array.from({ length: 501 }, () => ({ productId: 'p00001', quantity: 1 }));
    expect(JSON.stringify(request).length).toBeLessThan(64 * 1024);
    const answer = await refused(request);
    expect(issues(answer)).toContainEqual({ path: 'cart.lines', message: 'Höchstens 500 Positionen je Bestellung.' });
  });

  it('10,000 lines: 413, over the size limit, nothing stored', async () => {
    const request = valid();
    request.cart.lines = Array.from({ length: 10_000 }, () => ({ productId: 'p00001', quantity: 1 }));
    const key = randomUUID();
    const answer = await postLarge(JSON.stringify(request), key);
    expect(answer).toEqual({
      status: 413,
      body: { error: 'too-large', message: 'Die Bestellung ist größer als 64 KB.' },
    });
    expect((await post(server.url, valid(), key)).status).toBe(201);
  });

  const hostile = [
    ['CR/LF', 'Erika\r\nBcc: alle@example.de'],
    ['LF', 'Heide\nstraße 17'],
    ['NUL', 'Erika\u0000'],
    ['a tab', 'Eri\tka'],
    ['a C1 control', 'Erika\u0085'],
    ['a right-to-left override', 'Erika\u202Egnp.exe'],
    ['a right-to-left isolate', '\u2067Erika\u2069'],
    ['a line separator', 'Erika\u2028Mustermann'],
  ] as const;
  const fields = ['firstName', 'lastName', 'street', 'city', 'extra'] as const;

  it.each(hostile.flatMap(([what, value]) => fields.map((field) => [what, field, value] as const)))(
    '%s in shippingAddress.%s: 400',
    async (_, field, value) => {
      const request = valid();
      request.shippingAddress[field] = field === 'street' ? `${value} 17` : value;
      const answer = await refused(request);
      expect(issues(answer)).toContainEqual({
        path: `shippingAddress.${field}`,
        message: 'Bitte ohne Zeilenumbrüche und Steuerzeichen angeben.',
      });
    },
  );

  it.each(hostile)('%s in a coupon code or the e-mail address: 400', async (_, value) => {
    const coupon = valid();
    coupon.cart.coupons = [value];
    expect(issues(await refused(coupon)).map((i) => i.path)).toContain('cart.coupons.0');
    const email = valid();
    email.contact.email = `erika@example.de${value}`;
    expect(issues(await refused(email)).map((i) => i.path)).toContain('contact.email');
  });

  it('stores names and addresses NFC-normalised: decomposed and composed spellings are one order', async () => {
    const decomposed = valid();
    decomposed.shippingAddress = {
      ...decomposed.shippingAddress,
      lastName: 'Mu\u0308ller',
      street: 'Heidestrasse 17',
      city: 'Ko\u0308ln',
      extra: 'Hinterhaus, 3. OG \u0301links',
    };
    decomposed.contact.email = 'erika@example.de';
    const key = randomUUID();
    const first = await post(server.url, decomposed, key);
    expect(first.status).toBe(201);
    const order = first.body['order'] as { id: string };
    // The answer carries no address (no personal data): read what was stored.
    const row = await server.data.db
      .selectFrom('orders')
      .select('request_json')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    const stored = JSON.parse(row.request_json) as OrderRequest;
    expect(stored.shippingAddress.lastName).toBe('M\u00FCller');
    expect(stored.shippingAddress.city).toBe('K\u00F6ln');
    expect(stored.shippingAddress.extra).toBe('Hinterhaus, 3. OG \u0301links'.normalize('NFC'));

    // The same order typed with composed letters is the same request: answered with the first order.
    const composed = structuredClone(decomposed);
    composed.shippingAddress.lastName = 'Müller';
    composed.shippingAddress.city = 'Köln';
    const again = await post(server.url, composed, key);
    expect(again.status).toBe(201);
    expect((again.body['order'] as { id: string }).id).toBe(order.id);
  });

  it.each([
    ['arrays nested 30,000 deep at the top', '['.repeat(30_000) + ']'.repeat(30_000)],
    ['objects nested 10,000 deep in the cart', `{"cart":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`],
    ['arrays nested 30,000 deep as a line', `{"cart":{"lines":${'['.repeat(30_000)}${']'.repeat(30_000)}}}`],
  ])('%s: 400, the server keeps answering', async (_, body) => {
    expect(body.length).toBeLessThan(64 * 1024);
    const answer = await refused(body);
    expect(answer.body['error']).toMatch(/^(invalid|bad-json)$/);
  });

  it('a body that is JSON but not an object: 400', async () => {
    for (const body of ['null', '42', '"Bestellung"', '[]']) {
      const answer = await refused(body);
      expect(answer.body).toMatchObject({ error: 'invalid' });
      expect(answer.body['message']).toContain('Hier wird ein Objekt erwartet.');
    }
  });
});
