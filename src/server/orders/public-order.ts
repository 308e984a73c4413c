import type { PlacedOrder, PublicOrder } from '../../domain/order.js';

/**
 * The order number is read out on the phone, so it is no secret: answers that carry an order (the
 * 201, stored and replayed for its Idempotency-Key, and GET /api/orders/:id) leave out the shopper's
 * name, address and contact details. The device that placed the order has its own copy of them; the
 * orders table keeps them for shipping. So the idempotency table holds no personal data at all.
 */
export function publicOrder(order: PlacedOrder): PublicOrder {
  const { contact: _contact, shippingAddress: _address, ...request } = order.request;
  return { ...order, request };
}
