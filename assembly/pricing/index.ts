// Cart pricing: the catalog's prices, the promotion rules and one cart go in through linear memory,
// the quote comes back the same way. Every amount is i64 cents; there is no floating point here.
// The host (src/wasm/pricing.ts) validates all input first, so an abort here is a bug.
import { align8, checkRegion, ensureMemory, loadI64, storeU32 } from './arena';
import {
  ADJUSTMENT_SLOTS,
  COUPON_SLOTS,
  LINE_OUT_SLOTS,
  PROMO_SLOTS,
  S_VAT_ROWS,
  SUMMARY_SLOTS,
  TIER_SLOTS,
  VAT_SLOTS,
} from './layout';
import { adjustmentCount } from './promotions';
import { computeQuote } from './quote';
import {
  bitmapAt,
  cartCouponsAt,
  couponStatusAt,
  couponsAt,
  itemsAt,
  layoutCartRegion,
  lineCount,
  linesOutAt,
  priceAt,
  productAt,
  productCount,
  promosAt,
  quantitiesAt,
  rateAt,
  rulesEnd,
  setCatalogRegion,
  setRulesRegion,
  shippingAt,
  summaryAt,
  tiersAt,
  vatAt,
  adjustmentsAt,
  wordsPerPromo,
} from './state';

/** The offsets table each set-up call returns: absolute byte addresses (u32) of its regions. */
const table = memory.data(64, 8);
const arenaStart: usize = align8(__heap_base);
let catalogEnd: usize = 0;
let rulesSet = false;

/**
 * Reserves the catalog tables for `items` sellable items (products and variants) of `products`
 * products and forgets any rules. Returns [price i64[items], product u32[items], rate u32[items]].
 */
export function setCatalog(items: u32, products: u32): usize {
  checkRegion(items, 16);
  checkRegion(products, 4);
  const price = arenaStart;
  const product = price + ((<usize>items) << 3);
  const rate = product + ((<usize>items) << 2);
  catalogEnd = align8(rate + ((<usize>items) << 2));
  ensureMemory(catalogEnd);
  setCatalogRegion(items, products, price, product, rate);
  rulesSet = false;
  storeU32(table, 0, <u32>priceAt);
  storeU32(table, 1, <u32>productAt);
  storeU32(table, 2, <u32>rateAt);
  return table;
}

/**
 * Reserves the rules tables after the catalog. Returns [promotions, tiers, coupons, shipping,
 * eligibility bitmap, u32 words per promotion row of the bitmap]. The bitmap starts zeroed.
 */
export function setRules(promos: u32, tiers: u32, coupons: u32): usize {
  if (catalogEnd == 0) abort('pricing: setRules before setCatalog');
  const words = (productCount + 31) >> 5;
  checkRegion(promos, (<u64>PROMO_SLOTS) << 3);
  checkRegion(tiers, (<u64>TIER_SLOTS) << 3);
  checkRegion(coupons, (<u64>COUPON_SLOTS) << 3);
  checkRegion(<u64>promos * <u64>words, 4);
  const promosPtr = catalogEnd;
  const tiersPtr = promosPtr + <usize>promos * ((<usize>PROMO_SLOTS) << 3);
  const couponsPtr = tiersPtr + <usize>tiers * ((<usize>TIER_SLOTS) << 3);
  const shippingPtr = couponsPtr + <usize>coupons * ((<usize>COUPON_SLOTS) << 3);
  const bitmapPtr = shippingPtr + 16;
  const bitmapBytes = (<usize>promos * <usize>words) << 2;
  const end = align8(bitmapPtr + bitmapBytes);
  ensureMemory(end);
  memory.fill(bitmapPtr, 0, bitmapBytes);
  setRulesRegion(promos, tiers, coupons, promosPtr, tiersPtr, couponsPtr, shippingPtr, bitmapPtr, words, end);
  rulesSet = true;
  storeU32(table, 0, <u32>promosAt);
  storeU32(table, 1, <u32>tiersAt);
  storeU32(table, 2, <u32>couponsAt);
  storeU32(table, 3, <u32>shippingAt);
  storeU32(table, 4, <u32>bitmapAt);
  storeU32(table, 5, wordsPerPromo);
  return table;
}

/**
 * Reserves the per-call region for a cart of `lines` lines and `coupons` known coupon codes.
 * Returns [item u32[lines], quantity u32[lines], coupon u32[coupons], line results, coupon
 * statuses, summary, VAT rows, adjustments]; see src/wasm/pricing-layout.ts for each record.
 */
export function prepareCart(lines: u32, coupons: u32): usize {
  if (!rulesSet) abort('pricing: prepareCart before setRules');
  ensureMemory(layoutCartRegion(lines, coupons, rulesEnd));
  storeU32(table, 0, <u32>itemsAt);
  storeU32(table, 1, <u32>quantitiesAt);
  storeU32(table, 2, <u32>cartCouponsAt);
  storeU32(table, 3, <u32>linesOutAt);
  storeU32(table, 4, <u32>couponStatusAt);
  storeU32(table, 5, <u32>summaryAt);
  storeU32(table, 6, <u32>vatAt);
  storeU32(table, 7, <u32>adjustmentsAt);
  return table;
}

/**
 * Prices the prepared cart at `at` (whole milliseconds since the epoch, as f64 so the host passes
 * a plain number) with shipping method `method`. The results are then rewritten as f64 in place:
 * every figure is an integer far below 2^53, so they stay exact and the host reads them as numbers
 * instead of converting BigInts one by one.
 */
export function quote(at: f64, method: u32): void {
  if (!rulesSet) abort('pricing: quote before setRules');
  computeQuote(<i64>at, method);
  const vatRows = <u32>loadI64(summaryAt, S_VAT_ROWS);
  toF64(linesOutAt, lineCount * <u32>LINE_OUT_SLOTS, 1);
  toF64(summaryAt, <u32>SUMMARY_SLOTS, 1);
  toF64(vatAt, vatRows * <u32>VAT_SLOTS, 1);
  // Adjustments keep their (line << 32 | promotion) key as two u32; only the amount changes.
  toF64(adjustmentsAt + 8, adjustmentCount, ADJUSTMENT_SLOTS);
}

/** Rewrites `count` i64 values, `stride` slots apart from `at`, as f64. */
function toF64(at: usize, count: u32, stride: i32): void {
  const step = (<usize>stride) << 3;
  for (let i: u32 = 0; i < count; i++) {
    const slot = at + <usize>i * step;
    store<f64>(slot, <f64>load<i64>(slot));
  }
}
