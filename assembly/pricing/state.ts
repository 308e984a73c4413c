// Where the catalog, rules and cart regions live, and how big they are. Set by index.ts.
import { align8, checkRegion, loadI64, loadU32, storeU32 } from './arena';
import {
  ADJUSTMENT_SLOTS,
  LINE_OUT_SLOTS,
  MAX_VAT_RATES,
  P_TARGET_ALL,
  PROMO_SLOTS,
  SUMMARY_SLOTS,
  VAT_SLOTS,
} from './layout';

export let itemCount: u32 = 0;
export let productCount: u32 = 0;
export let priceAt: usize = 0;
export let productAt: usize = 0;
export let rateAt: usize = 0;

export let promoCount: u32 = 0;
export let tierCount: u32 = 0;
export let couponCount: u32 = 0;
export let promosAt: usize = 0;
export let tiersAt: usize = 0;
export let couponsAt: usize = 0;
export let shippingAt: usize = 0;
export let bitmapAt: usize = 0;
export let wordsPerPromo: u32 = 0;
export let rulesEnd: usize = 0;

export let lineCount: u32 = 0;
export let cartCouponCount: u32 = 0;
export let itemsAt: usize = 0;
export let quantitiesAt: usize = 0;
export let cartCouponsAt: usize = 0;
export let linesOutAt: usize = 0;
export let couponStatusAt: usize = 0;
export let summaryAt: usize = 0;
export let vatAt: usize = 0;
export let adjustmentsAt: usize = 0;
/** Scratch: per line working value and accumulated discount (i64), sort buffers (u32). */
export let valueAt: usize = 0;
export let discountAt: usize = 0;
export let remainderAt: usize = 0;
export let shareAt: usize = 0;
export let orderAt: usize = 0;
export let sortTmpAt: usize = 0;
/** Scratch: per promotion flags (u32): candidate, and member of the chosen option. */
export let candidateAt: usize = 0;
export let chosenAt: usize = 0;
/** Scratch: per promotion, the lines it covers (u32[promotions x lines]) and their count (u32). */
export let coveredAt: usize = 0;
export let coveredCountAt: usize = 0;
/** Scratch: packed u64 selection keys and, per catalog item, the cart line holding it. */
export let keysAt: usize = 0;
export let itemLineAt: usize = 0;

export function setCatalogRegion(items: u32, products: u32, price: usize, product: usize, rate: usize): void {
  itemCount = items;
  productCount = products;
  priceAt = price;
  productAt = product;
  rateAt = rate;
  promoCount = 0;
  tierCount = 0;
  couponCount = 0;
}

export function setRulesRegion(
  promos: u32,
  tiers: u32,
  coupons: u32,
  promosPtr: usize,
  tiersPtr: usize,
  couponsPtr: usize,
  shippingPtr: usize,
  bitmapPtr: usize,
  words: u32,
  end: usize,
): void {
  promoCount = promos;
  tierCount = tiers;
  couponCount = coupons;
  promosAt = promosPtr;
  tiersAt = tiersPtr;
  couponsAt = couponsPtr;
  shippingAt = shippingPtr;
  bitmapAt = bitmapPtr;
  wordsPerPromo = words;
  rulesEnd = end;
}

/** Lays out the per-call cart region from `start`; returns its end. */
export function layoutCartRegion(lines: u32, coupons: u32, start: usize): usize {
  checkRegion(lines, 128);
  checkRegion(coupons, 16);
  checkRegion(<u64>lines * <u64>promoCount, (<u64>ADJUSTMENT_SLOTS) << 3);
  lineCount = lines;
  cartCouponCount = coupons;
  const m = <usize>lines,
    c = <usize>coupons,
    p = <usize>promoCount;
  itemsAt = start;
  quantitiesAt = itemsAt + (m << 2);
  cartCouponsAt = quantitiesAt + (m << 2);
  linesOutAt = align8(cartCouponsAt + (c << 2));
  couponStatusAt = linesOutAt + m * ((<usize>LINE_OUT_SLOTS) << 3);
  summaryAt = align8(couponStatusAt + (c << 2));
  vatAt = summaryAt + ((<usize>SUMMARY_SLOTS) << 3);
  adjustmentsAt = vatAt + ((<usize>(MAX_VAT_RATES * VAT_SLOTS)) << 3);
  valueAt = adjustmentsAt + m * p * ((<usize>ADJUSTMENT_SLOTS) << 3);
  discountAt = valueAt + (m << 3);
  remainderAt = discountAt + (m << 3);
  shareAt = remainderAt + (m << 3);
  orderAt = shareAt + (m << 3);
  sortTmpAt = orderAt + (m << 2);
  candidateAt = sortTmpAt + (m << 2);
  chosenAt = candidateAt + (p << 2);
  coveredCountAt = chosenAt + (p << 2);
  coveredAt = coveredCountAt + (p << 2);
  keysAt = align8(coveredAt + ((p * m) << 2));
  itemLineAt = keysAt + (m << 3);
  return align8(itemLineAt + ((<usize>itemCount) << 2));
}

export function promo(p: u32): usize {
  return promosAt + <usize>p * ((<usize>PROMO_SLOTS) << 3);
}

export function lineItem(line: u32): u32 {
  return loadU32(itemsAt, line);
}

export function lineQuantity(line: u32): u32 {
  return loadU32(quantitiesAt, line);
}

/** Whether the product of `line` belongs to promotion `p`'s product set. */
export function eligible(p: u32, line: u32): bool {
  if (loadI64(promo(p), P_TARGET_ALL) != 0) return true;
  const product = loadU32(productAt, lineItem(line));
  const word = loadU32(bitmapAt, p * wordsPerPromo + (product >> 5));
  return ((word >> (product & 31)) & 1) != 0;
}

/**
 * Lists the lines promotion `p` covers, once per quote: every option run then walks the short
 * list instead of testing each line against the bitmap again.
 */
export function collectCovered(p: u32): void {
  const base = coveredAt + ((<usize>p * <usize>lineCount) << 2);
  let count: u32 = 0;
  for (let line: u32 = 0; line < lineCount; line++) if (eligible(p, line)) storeU32(base, count++, line);
  storeU32(coveredCountAt, p, count);
}

export function coveredCount(p: u32): u32 {
  return loadU32(coveredCountAt, p);
}

/** The `c`-th line promotion `p` covers. */
export function coveredLine(p: u32, c: u32): u32 {
  return load<u32>(coveredAt + ((<usize>p * <usize>lineCount + <usize>c) << 2));
}
