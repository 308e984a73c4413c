import type { Catalog } from '../domain/catalog.js';
import {
  applicationOrder,
  couponPromotionIds,
  normalizeCode,
  targets,
  windowEnd,
  windowStart,
  type Coupon,
  type Promotion,
  type PromotionRules,
} from '../domain/promotions.js';
import type { WasmInstance } from './loader.js';
import { indexCatalog, type CatalogItems } from './pricing-input.js';
import { COUPON, PROMO, PROMO_TYPE, type PricingExports } from './pricing-layout.js';

/** A known coupon as the engine sees it: its record index, effective window and promotion. */
export interface KnownCoupon {
  index: number;
  coupon: Coupon;
  promotion: Promotion;
  from: number;
  until: number;
}

/** What the facade keeps to write into a (fresh) instance and to read quotes back. */
export interface PricingState {
  items: CatalogItems;
  rules: PromotionRules;
  /** In application order: the engine's promotion indices. */
  promotions: Promotion[];
  /** By normalized code. */
  coupons: Map<string, KnownCoupon>;
}

export function pricingState(catalog: Catalog, rules: PromotionRules): PricingState {
  const promotions = applicationOrder(rules);
  const byId = new Map(promotions.map((p) => [p.id, p]));
  const coupons = new Map(
    rules.coupons.map((coupon, index): [string, KnownCoupon] => {
      const promotion = byId.get(coupon.promotion)!;
      const from = Math.max(windowStart(coupon.validFrom), windowStart(promotion.validFrom));
      const until = Math.min(windowEnd(coupon.validUntil), windowEnd(promotion.validUntil));
      return [normalizeCode(coupon.code), { index, coupon, promotion, from, until }];
    }),
  );
  return { items: indexCatalog(catalog), rules, promotions, coupons };
}

/** Writes the catalog's price, product and VAT tables. */
export function writeCatalog(instance: WasmInstance<PricingExports>, wasm: PricingExports, state: PricingState): void {
  const { items, productList } = state.items;
  const [priceAt, productAt, rateAt] = instance.u32(wasm.setCatalog(items.length, productList.length), 3);
  // Refused prices never reach a quote (the cart check stops them); 0 keeps the table well-formed.
  instance.i64(priceAt!, items.length).set(items.map((i) => BigInt(Number.isSafeInteger(i.price) ? i.price : 0)));
  instance.u32(productAt!, items.length).set(items.map((i) => i.productIndex));
  instance.u32(rateAt!, items.length).set(items.map((i) => i.vatRate));
}

function promotionRecord(p: Promotion, automatic: boolean, tierStart: number): BigInt64Array {
  const record = new BigInt64Array(PROMO.slots);
  record[PROMO.type] = BigInt(PROMO_TYPE[p.type]);
  record[PROMO.exclusive] = p.exclusive ? 1n : 0n;
  record[PROMO.automatic] = automatic ? 1n : 0n;
  record[PROMO.validFrom] = BigInt(windowStart(p.validFrom));
  record[PROMO.validUntil] = BigInt(windowEnd(p.validUntil));
  record[PROMO.targetAll] = 'target' in p && p.target ? 0n : 1n;
  if (p.type === 'percentage') {
    record[PROMO.percent] = BigInt(p.percent);
    record[PROMO.minQuantity] = BigInt(p.minQuantity ?? 1);
  } else if (p.type === 'buy-x-get-y') {
    record[PROMO.buy] = BigInt(p.buy);
    record[PROMO.get] = BigInt(p.get);
  } else if (p.type === 'order-amount') {
    record[PROMO.amount] = BigInt(p.amount);
    record[PROMO.minimumOrder] = BigInt(p.minimumOrder);
  } else if (p.type === 'free-shipping') {
    record[PROMO.threshold] = BigInt(p.threshold);
  } else {
    record[PROMO.tierStart] = BigInt(tierStart);
    record[PROMO.tierCount] = BigInt(p.tiers.length);
  }
  return record;
}

/**
 * Writes promotions, tiers, coupons, shipping prices and the eligibility bitmap. Which products a
 * promotion covers is decided here, once per catalog and rules, so no string crosses per quote.
 */
export function writeRules(instance: WasmInstance<PricingExports>, wasm: PricingExports, state: PricingState): void {
  const { promotions, rules } = state;
  const tiers = promotions.flatMap((p) => (p.type === 'volume-tiers' ? p.tiers : []));
  const [promosAt, tiersAt, couponsAt, shippingAt, bitmapAt, words] = instance.u32(
    wasm.setRules(promotions.length, tiers.length, rules.coupons.length),
    6,
  );
  const couponOnly = couponPromotionIds(rules);
  let tierStart = 0;
  promotions.forEach((p, index) => {
    instance
      .i64(promosAt! + index * PROMO.slots * 8, PROMO.slots)
      .set(promotionRecord(p, !couponOnly.has(p.id), tierStart));
    if (p.type === 'volume-tiers') tierStart += p.tiers.length;
    const target = 'target' in p ? p.target : undefined;
    if (!target) return;
    const row = instance.u32(bitmapAt! + index * words! * 4, words!);
    state.items.productList.forEach((product, column) => {
      if (targets(target, product)) row[column >>> 5]! |= 1 << (column & 31);
    });
  });
  instance.i64(tiersAt!, tiers.length * 2).set(tiers.flatMap((t) => [BigInt(t.minQuantity), BigInt(t.unitPrice)]));
  const order = new Map(promotions.map((p, i) => [p.id, i]));
  rules.coupons.forEach((coupon, index) => {
    const known = state.coupons.get(normalizeCode(coupon.code))!;
    const record = new BigInt64Array(COUPON.slots);
    record[COUPON.promotion] = BigInt(order.get(coupon.promotion)!);
    record[COUPON.combinable] = coupon.combinable ? 1n : 0n;
    record[COUPON.minimumOrder] = BigInt(coupon.minimumOrder);
    record[COUPON.validFrom] = BigInt(known.from);
    record[COUPON.validUntil] = BigInt(known.until);
    instance.i64(couponsAt! + index * COUPON.slots * 8, COUPON.slots).set(record);
  });
  instance.i64(shippingAt!, 2).set([BigInt(rules.shipping.standard), BigInt(rules.shipping.express)]);
}
