import type { CartLine } from '../domain/cart.js';

/** The shopper asked to put something into the cart; the app shell updates the cart store. */
export class AddToCartEvent extends Event {
  static readonly eventName = 'shop-add-to-cart';
  constructor(readonly line: CartLine) {
    super(AddToCartEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-add-to-cart': AddToCartEvent;
  }
}
