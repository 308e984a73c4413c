import type { CheckoutDetails } from '../domain/checkout-fields.js';

/** The shopper edited a field of the contact or shipping address (fired on input). */
export class AddressChangeEvent extends Event {
  static readonly eventName = 'shop-address-change';
  constructor(readonly details: CheckoutDetails) {
    super(AddressChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-address-change': AddressChangeEvent;
  }
}
