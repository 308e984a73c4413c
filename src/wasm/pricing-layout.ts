import type { LadenExports } from './loader.js';

/**
 * The pricing module's linear-memory layout, mirrored from assembly/pricing/layout.ts (keep the
 * two in step). The module decides where each region lives; every set-up call returns a table of
 * absolute u32 byte addresses, so only record shapes are repeated here, never address arithmetic.
 *
 *   setCatalog(items, products) -> [price, product, rate]           written once per catalog
 *     price   i64[items]  gross unit price in cents (a sellable item is a product or a variant)
 *     product u32[items]  index of the item's product (the eligibility bitmap's column)
 *     rate    u32[items]  VAT rate in percent
 *   setRules(promotions, tiers, coupons) -> [promotions, tiers, coupons, shipping, bitmap, words]
 *     promotions  PROMO_SLOTS i64 each, in application order (priority, then file order)
 *     tiers       (minQuantity, unitPrice) i64 pairs, ascending per promotion
 *     coupons     COUPON_SLOTS i64 each; the window is the coupon's intersected with its promotion's
 *     shipping    (standard, express) i64
 *     bitmap      u32[promotions x words]: bit `product` of row `promotion` = product is covered
 *   prepareCart(lines, coupons) -> [item, quantity, coupon, lines, statuses, summary, vat, adjustments]
 *     in:  item u32[lines] (distinct), quantity u32[lines], coupon u32[coupons] (known codes only)
 *     out: lines (unitPrice, listTotal, discount, total) i64 each; statuses u32[coupons];
 *          summary SUMMARY i64; vat rows (rate, gross, net, tax) i64, highest rate first;
 *          adjustments (line << 32 | promotion, amount) i64 pairs
 *   quote(at: f64 epoch milliseconds, method: u32) prices the prepared cart, then rewrites every
 *     output figure as f64 (exact: all are integers below 2^53) so no BigInt crosses per quote;
 *     an adjustment's key stays two u32 (promotion, then line), its amount becomes f64.
 */
export const PROMO = {
  slots: 16,
  type: 0,
  exclusive: 1,
  automatic: 2,
  minQuantity: 3,
  percent: 4,
  buy: 5,
  get: 6,
  amount: 7,
  minimumOrder: 8,
  threshold: 9,
  tierStart: 10,
  tierCount: 11,
  validFrom: 12,
  validUntil: 13,
  targetAll: 14,
} as const;

export const PROMO_TYPE = {
  percentage: 1,
  'order-amount': 2,
  'buy-x-get-y': 3,
  'volume-tiers': 4,
  'free-shipping': 5,
} as const;

export const COUPON = { slots: 6, promotion: 0, combinable: 1, minimumOrder: 2, validFrom: 3, validUntil: 4 } as const;

/** Coupon statuses as the module writes them; `unknown` never reaches the module. */
export const COUPON_STATUS = ['applied', 'expired', 'not-yet-valid', 'minimum-not-reached', 'not-combinable'] as const;

export const LINE_OUT = { slots: 4, unitPrice: 0, listTotal: 1, discount: 2, total: 3 } as const;

export const SUMMARY = {
  slots: 16,
  subtotal: 0,
  discountTotal: 1,
  shipping: 2,
  total: 3,
  freeShippingPromotion: 4,
  freeShippingRemaining: 5,
  freeShippingThreshold: 6,
  vatRows: 7,
  adjustments: 8,
} as const;

export const VAT_ROW = { slots: 4, rate: 0, gross: 1, net: 2, tax: 3 } as const;

export const SHIPPING_CODE = { standard: 0, express: 1 } as const;

/** The module's exports; see the layout above for what each returns. */
export interface PricingExports extends LadenExports {
  setCatalog(items: number, products: number): number;
  setRules(promotions: number, tiers: number, coupons: number): number;
  prepareCart(lines: number, coupons: number): number;
  quote(at: number, method: number): void;
}
