/** What the shopper put into the cart. Prices are never stored here: the quote computes them. */
export interface CartLine {
  productId: string;
  variantId?: string;
  quantity: number;
}

export interface Cart {
  lines: CartLine[];
  coupons: string[];
  shipping: ShippingMethod;
}

export const SHIPPING_METHODS = ['standard', 'express'] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

export const MAX_QUANTITY = 999;
/** Coupon codes one cart may carry; the orders API refuses more. */
export const MAX_COUPONS = 10;

export const emptyCart = (): Cart => ({ lines: [], coupons: [], shipping: 'standard' });

export const lineKey = (line: Pick<CartLine, 'productId' | 'variantId'>): string =>
  line.variantId ? `${line.productId}:${line.variantId}` : line.productId;

/** Adds `quantity` to the matching line (or a new line), capped at MAX_QUANTITY. */
export function addToCart(cart: Cart, line: CartLine): Cart {
  const key = lineKey(line);
  const existing = cart.lines.find((l) => lineKey(l) === key);
  const lines = existing
    ? cart.lines.map((l) =>
        l === existing ? { ...l, quantity: Math.min(MAX_QUANTITY, l.quantity + line.quantity) } : l,
      )
    : [...cart.lines, { ...line, quantity: Math.min(MAX_QUANTITY, line.quantity) }];
  return { ...cart, lines };
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(cart: Cart, key: string, quantity: number): Cart {
  const q = Math.max(0, Math.min(MAX_QUANTITY, Math.trunc(quantity)));
  const lines = cart.lines.map((l) => (lineKey(l) === key ? { ...l, quantity: q } : l)).filter((l) => l.quantity > 0);
  return { ...cart, lines };
}

export const itemCount = (cart: Cart): number => cart.lines.reduce((sum, l) => sum + l.quantity, 0);
