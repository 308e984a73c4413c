/** The shopper entered a coupon code (`action: 'apply'`) or took one off (`'remove'`). */
export class CouponChangeEvent extends Event {
  static readonly eventName = 'shop-coupon-change';
  constructor(
    readonly action: 'apply' | 'remove',
    readonly code: string,
  ) {
    super(CouponChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-coupon-change': CouponChangeEvent;
  }
}
