import { emptyCart } from '../domain/cart.js';
import type { OpenOrder, OrderRequest, ShopOrder } from '../domain/order.js';
import type { Quote } from '../domain/quote.js';
import { announceCartSaved } from './cart-sync.js';
import { CART_KEY, database } from './db.js';
import { StorageFullError, isQuotaExceeded } from './errors.js';
import { announceOutboxChanged } from './outbox-sync.js';

/**
 * The order outbox (store `outbox`): every order the shopper placed on this device, from the moment
 * it is placed until long after the server confirmed it, so the order history needs no network. A
 * confirmed order keeps only what the history shows (src/domain/confirmed-order.ts).
 */

const revisionOf = (record: unknown): number => {
  const revision =
    typeof record === 'object' && record !== null ? Number((record as { revision?: unknown }).revision) : 0;
  return Number.isSafeInteger(revision) ? revision : 0;
};

export interface PlaceOptions {
  /** The Idempotency-Key; a new UUID unless a test pins it. */
  key?: string;
  /** False when the order does not come from the cart (ordering a rejected order again). */
  fromCart?: boolean;
}

/**
 * Stores the order and empties the cart in one transaction: after a crash the shopper has either the
 * cart or the order, never both and never neither.
 */
export async function placeOrder(request: OrderRequest, quote: Quote, options: PlaceOptions = {}): Promise<OpenOrder> {
  const { key = crypto.randomUUID(), fromCart = true } = options;
  const now = Date.now();
  const order: OpenOrder = { key, state: 'pending', request, quote, createdAt: now, attempts: 0, nextAttemptAt: now };
  const db = await database();
  const tx = db.transaction(['cart', 'outbox'], 'readwrite');
  let revision = 0;
  try {
    await Promise.all([
      (async () => {
        await tx.objectStore('outbox').add(order);
        if (!fromCart) return;
        revision = revisionOf(await tx.objectStore('cart').get(CART_KEY)) + 1;
        await tx.objectStore('cart').put({ cart: emptyCart(), revision, savedAt: now }, CART_KEY);
      })(),
      tx.done,
    ]);
  } catch (error) {
    if (isQuotaExceeded(error)) {
      throw new StorageFullError(
        'Der Speicher dieses Geräts ist voll: Die Bestellung wurde nicht gespeichert, Ihr Warenkorb ist erhalten.',
        { cause: error },
      );
    }
    throw error;
  }
  if (fromCart) announceCartSaved(revision);
  announceOutboxChanged();
  return order;
}

export async function getOrder(key: string): Promise<ShopOrder | undefined> {
  return (await database()).get('outbox', key);
}

/** Newest first: the order history. */
export async function listOrders(): Promise<ShopOrder[]> {
  return (await (await database()).getAllFromIndex('outbox', 'by-created-at')).reverse();
}

/** Orders still to be delivered (pending, or sent without an answer), oldest first. */
export async function undeliveredOrders(): Promise<OpenOrder[]> {
  const all = await (await database()).getAllFromIndex('outbox', 'by-created-at');
  return all.filter((o): o is OpenOrder => o.state === 'pending' || o.state === 'sent');
}

/**
 * Changes one order in a read-modify-write transaction. `change` gets the stored order and returns
 * its next version, or undefined to leave it (e.g. another sender already finished it).
 */
export async function updateOrder<Next extends ShopOrder>(
  key: string,
  change: (order: ShopOrder) => Next | undefined,
): Promise<Next | undefined> {
  const tx = (await database()).transaction('outbox', 'readwrite');
  let result: Next | undefined;
  await Promise.all([
    (async () => {
      const stored = await tx.store.get(key);
      const next = stored && change(stored);
      if (next) {
        await tx.store.put(next);
        result = next;
      }
    })(),
    tx.done,
  ]);
  if (result) announceOutboxChanged();
  return result;
}
