import { SHIPPING_METHODS, type ShippingMethod } from '../../domain/cart.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../../domain/order.js';
import { emptyDetails, type CheckoutDetails } from '../../domain/checkout-fields.js';

/**
 * What the shopper typed at the checkout, kept for this tab only (sessionStorage): a reload or a
 * detour to the cart does not lose the address, closing the tab forgets it.
 */
export interface CheckoutDraft {
  details: CheckoutDetails;
  shipping: ShippingMethod;
  payment: PaymentMethod;
}

const KEY = 'laden-checkout-draft';

const strings = (value: unknown, template: Record<string, string>): Record<string, string> => {
  const source = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return Object.fromEntries(
    Object.entries(template).map(([k, fallback]) => [k, typeof source[k] === 'string' ? source[k] : fallback]),
  );
};

export function emptyDraft(): CheckoutDraft {
  return { details: emptyDetails(), shipping: 'standard', payment: 'invoice' };
}

/** The saved draft; anything missing or malformed comes back empty rather than breaking the page. */
export function readDraft(): CheckoutDraft {
  const empty = emptyDraft();
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<
      Record<keyof CheckoutDraft, unknown>
    > | null;
    if (!saved) return empty;
    const details = (saved.details ?? {}) as Partial<Record<keyof CheckoutDetails, unknown>>;
    return {
      details: {
        contact: strings(details.contact, empty.details.contact as Record<string, string>),
        address: { ...strings(details.address, empty.details.address as Record<string, string>), country: 'DE' },
      } as CheckoutDetails,
      shipping: SHIPPING_METHODS.find((m) => m === saved.shipping) ?? empty.shipping,
      payment: PAYMENT_METHODS.find((m) => m === saved.payment) ?? empty.payment,
    };
  } catch {
    return empty;
  }
}

export function saveDraft(draft: CheckoutDraft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft is a convenience, the checkout works without it.
  }
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}
