/** The shopper chose a new quantity in a stepper. */
export class QuantityChangeEvent extends Event {
  static readonly eventName = 'shop-quantity-change';
  constructor(readonly quantity: number) {
    super(QuantityChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-quantity-change': QuantityChangeEvent;
  }
}
