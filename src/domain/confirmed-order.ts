import type { ConfirmedOrder, PublicOrder, PublicOrderRequest, ShopOrder } from './order.js';

/**
 * What the device keeps of an order once the server has stored it: the number, lines, totals,
 * state and tracking the order history shows, and nothing of the shopper. Name, e-mail, phone and
 * address stay only until the order is confirmed (it must be sent until then); afterwards they are
 * in the confirmation mail and the shop's database, not on the device (docs/privacy.md).
 *
 * Every field is copied by name, from the device's record and from the server's answer alike, so a
 * field added to either later stays off the device until someone decides it belongs there.
 */
export function confirmedOrder(order: ShopOrder, answer: PublicOrder): ConfirmedOrder {
  const { cart, payment, expectedTotal } = order.request;
  const request: PublicOrderRequest = { cart, payment, expectedTotal };
  const { id, state, placedAt, quote, stateChangedAt, tracking } = answer;
  return {
    key: order.key,
    state: 'confirmed',
    request,
    quote: order.quote,
    createdAt: order.createdAt,
    attempts: order.attempts,
    nextAttemptAt: order.nextAttemptAt,
    order: {
      id,
      state,
      placedAt,
      quote,
      request,
      ...(stateChangedAt === undefined ? {} : { stateChangedAt }),
      ...(tracking === undefined ? {} : { tracking }),
    },
    ...(order.fulfilment ? { fulfilment: order.fulfilment } : {}),
  };
}
