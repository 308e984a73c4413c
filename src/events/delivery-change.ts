import type { ShippingMethod } from '../domain/cart.js';
import type { PaymentMethod } from '../domain/order.js';

/** The shopper picked a shipping method or a way to pay at the checkout. */
export class DeliveryChangeEvent extends Event {
  static readonly eventName = 'shop-delivery-change';
  constructor(
    readonly shipping: ShippingMethod,
    readonly payment: PaymentMethod,
  ) {
    super(DeliveryChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-delivery-change': DeliveryChangeEvent;
  }
}
