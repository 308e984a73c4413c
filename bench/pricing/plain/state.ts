// The catalog and rules compiled once into flat number tables, so a quote reads arrays, never
// strings or objects, in its inner loops.
import { VAT_RATES, type Catalog, type Product } from '../../../src/domain/catalog.js';
import {
  applicationOrder,
  couponPromotionIds,
  MAX_CENTS,
  normalizeCode,
  targets,
  windowEnd,
  windowStart,
  type Coupon,
  type Promotion,
  type PromotionRules,
} from '../../../src/domain/promotions.js';

export const PERCENTAGE = 1;
export const ORDER_AMOUNT = 2;
export const BUY_X_GET_Y = 3;
export const VOLUME_TIERS = 4;
export const FREE_SHIPPING = 5;
const TYPE_CODE = {
  percentage: PERCENTAGE,
  'order-amount': ORDER_AMOUNT,
  'buy-x-get-y': BUY_X_GET_Y,
  'volume-tiers': VOLUME_TIERS,
  'free-shipping': FREE_SHIPPING,
} as const;

/** A product id's entry: its single item, or its variants' items by variant id. */
export interface ProductEntry {
  product: Product;
  item: number;
  variants: Map<string, number> | undefined;
}

export interface CouponEntry {
  coupon: Coupon;
  promotion: Promotion;
  promotionIndex: number;
  from: number;
  until: number;
}

export interface PlainState {
  byId: Map<string, ProductEntry>;
  /** Per sellable item (products without variants, variants), in catalog order. */
  itemProduct: Product[];
  itemVariant: (string | undefined)[];
  price: Float64Array;
  stock: Float64Array;
  rate: Int32Array;
  sane: Uint8Array;
  /** Per promotion, in application order. */
  promotions: Promotion[];
  type: Int32Array;
  exclusive: Uint8Array;
  automatic: Uint8Array;
  minQuantity: Float64Array;
  percent: Float64Array;
  buy: Float64Array;
  get: Float64Array;
  amount: Float64Array;
  minimumOrder: Float64Array;
  threshold: Float64Array;
  from: Float64Array;
  until: Float64Array;
  tierMin: Float64Array[];
  tierPrice: Float64Array[];
  /** covers[p][item] = 1 when promotion p covers the item; undefined: every item. */
  covers: (Uint8Array | undefined)[];
  coupons: Map<string, CouponEntry>;
  shippingStandard: number;
  shippingExpress: number;
}

export function compileState(catalog: Catalog, rules: PromotionRules): PlainState {
  const byId = new Map<string, ProductEntry>();
  const itemProduct: Product[] = [];
  const itemVariant: (string | undefined)[] = [];
  const prices: number[] = [];
  const stocks: number[] = [];
  for (const product of catalog.products) {
    const entry: ProductEntry = { product, item: -1, variants: undefined };
    byId.set(product.id, entry);
    if (product.variants?.length) {
      entry.variants = new Map();
      for (const v of product.variants) {
        entry.variants.set(v.id, itemProduct.length);
        itemProduct.push(product);
        itemVariant.push(v.id);
        prices.push(v.price ?? product.price);
        stocks.push(v.stock);
      }
    } else {
      entry.item = itemProduct.length;
      itemProduct.push(product);
      itemVariant.push(undefined);
      prices.push(product.price);
      stocks.push(product.stock);
    }
  }
  const saneOf = (p: number) => Number.isSafeInteger(p) && p >= 0 && p <= MAX_CENTS;
  const promotions = applicationOrder(rules);
  const couponOnly = couponPromotionIds(rules);
  const field = (f: (p: Promotion) => number) => Float64Array.from(promotions, f);
  const tiersOf = (p: Promotion) => (p.type === 'volume-tiers' ? p.tiers : []);
  const order = new Map(promotions.map((p, i) => [p.id, i]));
  const coupons = new Map<string, CouponEntry>();
  for (const coupon of rules.coupons) {
    const promotionIndex = order.get(coupon.promotion)!;
    const promotion = promotions[promotionIndex]!;
    const from = Math.max(windowStart(coupon.validFrom), windowStart(promotion.validFrom));
    const until = Math.min(windowEnd(coupon.validUntil), windowEnd(promotion.validUntil));
    coupons.set(normalizeCode(coupon.code), { coupon, promotion, promotionIndex, from, until });
  }
  return {
    byId,
    itemProduct,
    itemVariant,
    price: Float64Array.from(prices, (p) => (saneOf(p) ? p : 0)),
    stock: Float64Array.from(stocks),
    rate: Int32Array.from(itemProduct, (p) => VAT_RATES[p.vatClass]),
    sane: Uint8Array.from(prices, (p) => (saneOf(p) ? 1 : 0)),
    promotions,
    type: Int32Array.from(promotions, (p) => TYPE_CODE[p.type]),
    exclusive: Uint8Array.from(promotions, (p) => (p.exclusive ? 1 : 0)),
    automatic: Uint8Array.from(promotions, (p) => (couponOnly.has(p.id) ? 0 : 1)),
    minQuantity: field((p) => (p.type === 'percentage' ? (p.minQuantity ?? 1) : 0)),
    percent: field((p) => (p.type === 'percentage' ? p.percent : 0)),
    buy: field((p) => (p.type === 'buy-x-get-y' ? p.buy : 0)),
    get: field((p) => (p.type === 'buy-x-get-y' ? p.get : 0)),
    amount: field((p) => (p.type === 'order-amount' ? p.amount : 0)),
    minimumOrder: field((p) => (p.type === 'order-amount' ? p.minimumOrder : 0)),
    threshold: field((p) => (p.type === 'free-shipping' ? p.threshold : 0)),
    from: field((p) => windowStart(p.validFrom)),
    until: field((p) => windowEnd(p.validUntil)),
    tierMin: promotions.map((p) => Float64Array.from(tiersOf(p), (t) => t.minQuantity)),
    tierPrice: promotions.map((p) => Float64Array.from(tiersOf(p), (t) => t.unitPrice)),
    covers: promotions.map((p) => {
      const target = 'target' in p ? p.target : undefined;
      return target ? Uint8Array.from(itemProduct, (product) => (targets(target, product) ? 1 : 0)) : undefined;
    }),
    coupons,
    shippingStandard: rules.shipping.standard,
    shippingExpress: rules.shipping.express,
  };
}
