import type { Cart } from './cart.js';
import { VAT_RATES, type Catalog } from './catalog.js';

/** The priced cart. Computed by the pricing engine; every figure is integer cents. */
export interface QuoteAdjustment {
  promotionId: string;
  label: string;
  amount: number;
}

export interface QuoteLine {
  productId: string;
  variantId?: string;
  quantity: number;
  unitPrice: number;
  listTotal: number;
  discount: number;
  total: number;
  vatRate: number;
  adjustments: QuoteAdjustment[];
}

export type CouponStatus =
  'applied' | 'unknown' | 'expired' | 'not-yet-valid' | 'minimum-not-reached' | 'not-combinable';

export interface QuoteShipping {
  method: string;
  price: number;
  /** The free-shipping threshold in reach (or reached) for standard shipping. */
  freeFrom?: number;
  /** Cents of goods still missing to free standard shipping. */
  remainingForFree?: number;
  /** The promotion that made shipping free. */
  promotionId?: string;
  label?: string;
}

export interface Quote {
  currency: 'EUR';
  lines: QuoteLine[];
  subtotal: number;
  discountTotal: number;
  shipping: QuoteShipping;
  /** Each promotion's discount summed over the lines, in the order the promotions applied. */
  discounts: QuoteAdjustment[];
  vat: { rate: number; gross: number; net: number; tax: number }[];
  total: number;
  coupons: { code: string; status: CouponStatus; message: string }[];
  errors: { line: number; code: string; message: string }[];
}

/**
 * Placeholder pricing until the WASM pricing engine lands: list prices, no promotions, flat
 * shipping. Kept deliberately simple; replaced by src/wasm/pricing.ts.
 */
export function placeholderQuote(cart: Cart, catalog: Catalog): Quote {
  const byId = new Map(catalog.products.map((p) => [p.id, p]));
  const lines: QuoteLine[] = [];
  const errors: Quote['errors'] = [];
  cart.lines.forEach((line, index) => {
    const product = byId.get(line.productId);
    if (!product) {
      errors.push({ line: index, code: 'unknown-product', message: `Unbekanntes Produkt ${line.productId}` });
      return;
    }
    const variant = product.variants?.find((v) => v.id === line.variantId);
    const unitPrice = variant?.price ?? product.price;
    const listTotal = unitPrice * line.quantity;
    lines.push({
      productId: line.productId,
      ...(line.variantId ? { variantId: line.variantId } : {}),
      quantity: line.quantity,
      unitPrice,
      listTotal,
      discount: 0,
      total: listTotal,
      vatRate: VAT_RATES[product.vatClass],
      adjustments: [],
    });
  });
  const subtotal = lines.reduce((s, l) => s + l.total, 0);
  const shippingPrice = subtotal === 0 || subtotal >= 5000 ? 0 : 495;
  const total = subtotal + shippingPrice;
  return {
    currency: 'EUR',
    lines,
    subtotal,
    discountTotal: 0,
    shipping: { method: cart.shipping, price: shippingPrice },
    discounts: [],
    vat: [],
    total,
    coupons: cart.coupons.map((code) => ({ code, status: 'unknown', message: 'Gutscheine folgen in Kürze' })),
    errors,
  };
}
