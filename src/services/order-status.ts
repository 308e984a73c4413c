import {
  CARRIER_IDS,
  TRACKING_NUMBER,
  isFulfilmentState,
  tracking,
  type Carrier,
  type Tracking,
} from '../domain/fulfilment.js';
import type { OrderFulfilment, ShopOrder } from '../domain/order.js';
import { updateOrder } from '../storage/outbox-store.js';

/**
 * The current state of the shopper's confirmed orders (Bestätigt … Versendet with its tracking
 * number), asked from `GET /api/orders/:id` and stored on the order in the outbox: offline, the
 * order pages show the last known state and when it was known.
 */

/** A known carrier and a well-formed number; the link is made here from the carrier's own address. */
const readTracking = (value: unknown): Tracking | null => {
  if (typeof value !== 'object' || value === null) return null;
  const { carrier, number } = value as Record<string, unknown>;
  if (!CARRIER_IDS.includes(carrier as Carrier) || typeof number !== 'string' || !TRACKING_NUMBER.test(number)) {
    return null;
  }
  return tracking(carrier as Carrier, number);
};

/** The fulfilment part of the server's answer, or undefined when it carries none. */
export function readFulfilment(body: unknown, checkedAt: number): OrderFulfilment | undefined {
  const order = (typeof body === 'object' && body !== null ? (body as { order?: unknown }).order : undefined) as
    Record<string, unknown> | undefined;
  if (!order || !isFulfilmentState(order['state'])) return undefined;
  const changedAt = typeof order['stateChangedAt'] === 'string' ? order['stateChangedAt'] : String(order['placedAt']);
  return { state: order['state'], changedAt, tracking: readTracking(order['tracking']), checkedAt };
}

/** Asks the server for each confirmed order's state and stores what changed. Failures keep the old state. */
export async function refreshOrderStatus(orders: readonly ShopOrder[]): Promise<void> {
  await Promise.all(
    orders.map(async (o) => {
      if (o.state !== 'confirmed' || !o.order) return;
      try {
        const response = await fetch(`/api/orders/${encodeURIComponent(o.order.id)}`, { cache: 'no-store' });
        if (!response.ok) return;
        const fulfilment = readFulfilment(await response.json(), Date.now());
        if (!fulfilment) return;
        await updateOrder(o.key, (stored) => ({ ...stored, fulfilment }));
      } catch (error) {
        console.warn('Laden: order state not refreshed', error);
      }
    }),
  );
}
