import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../src/domain/order.js';
import { post, serverTotal } from '../unit/server/support.js';
import { simpleProduct, useShopWithOrders } from './checkout-helpers.js';
import { deviceData, found } from './support/device-data.js';

const PERSONAL = ['erika@example.de', '0221 9876543', 'Mustermann', 'Heidestraße 17'];

/**
 * Writes the `laden` database as version 4 of the shop left it, with one confirmed order that still
 * carries the whole request (contact and address included), as version 4 kept it.
 */
const writeVersion4 = async (record: unknown): Promise<void> => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDB.open('laden', 4);
    opening.onupgradeneeded = () => {
      const d = opening.result;
      d.createObjectStore('cart');
      d.createObjectStore('recent', { keyPath: 'productId' }).createIndex('by-viewed-at', 'viewedAt');
      d.createObjectStore('outbox', { keyPath: 'key' }).createIndex('by-created-at', 'createdAt');
      d.createObjectStore('stock');
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('cannot open laden'));
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('outbox', 'readwrite');
    tx.objectStore('outbox').put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('not written'));
  });
  db.close();
};

describe('a device that kept confirmed orders whole before', () => {
  const fixture = useShopWithOrders('privacy-upgrade');

  it('drops their contact and address at the next start and still shows the order', async () => {
    const url = fixture.shop.url;
    const request: OrderRequest = {
      cart: { lines: [{ productId: simpleProduct().id, quantity: 1 }], coupons: [], shipping: 'standard' },
      contact: { email: 'erika@example.de', phone: '0221 9876543' },
      shippingAddress: {
        firstName: 'Erika',
        lastName: 'Mustermann',
        street: 'Heidestraße 17',
        postalCode: '51147',
        city: 'Köln',
        country: 'DE',
      },
      payment: 'invoice',
      expectedTotal: 0,
    };
    request.expectedTotal = await serverTotal(url, request);
    const key = randomUUID();
    const placed = await post(url, request, key);
    expect(placed.status).toBe(201);
    const order = placed.body['order'] as { id: string; quote: unknown };
    const now = Date.now();
    const record = {
      key,
      state: 'confirmed',
      request,
      quote: order.quote,
      createdAt: now,
      attempts: 1,
      nextAttemptAt: now,
      order,
    };

    // A page of the origin that runs none of the shop (no service worker, a JSON file) writes it.
    const context = await fixture.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${url}/data/catalog.json`);
    await page.evaluate(writeVersion4, record);
    expect(found(await deviceData(page), PERSONAL)).toHaveLength(PERSONAL.length);

    await page.goto(`${url}/orders/${key}`);
    await expect.poll(() => page.getByTestId('order-number').textContent()).toBe(order.id);
    await page.getByText('Die Lieferadresse steht in Ihrer Bestätigungs-E-Mail.').waitFor();
    const entries = await deviceData(page);
    expect(found(entries, [order.id])).toEqual([`${order.id} in indexedDB laden/outbox ${key}`]);
    expect(found(entries, PERSONAL)).toEqual([]);
    await context.close();
  });
});
