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
