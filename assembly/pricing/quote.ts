// One quote: coupons, then the best combination of promotions, then shipping and VAT.
import { loadI64, loadU32, storeI64, storeU32 } from './arena';
import * as L from './layout';
import {
  adjustmentCount,
  applyBuyXGetY,
  applyOrderAmount,
  applyPercentage,
  applyVolumeTiers,
  goodsValue,
  startRecording,
} from './promotions';
import {
  candidateAt,
  cartCouponCount,
  collectCovered,
  cartCouponsAt,
  chosenAt,
  couponStatusAt,
  couponsAt,
  discountAt,
  lineCount,
  lineItem,
  lineQuantity,
  linesOutAt,
  priceAt,
  promo,
  promoCount,
  shippingAt,
  summaryAt,
  valueAt,
} from './state';
import { computeVat } from './vat';

const STACK: i32 = -1;

function coupon(c: u32): usize {
  return couponsAt + <usize>c * ((<usize>L.COUPON_SLOTS) << 3);
}

function isCandidate(p: u32): bool {
  return loadU32(candidateAt, p) != 0;
}

function typeOf(p: u32): i64 {
  return loadI64(promo(p), L.P_TYPE);
}

/** Whether promotion `p` belongs to `option` (the non-exclusive stack, or one exclusive alone). */
function inOption(p: u32, option: i32): bool {
  if (!isCandidate(p) || typeOf(p) == L.TYPE_FREE_SHIPPING) return false;
  return option == STACK ? loadI64(promo(p), L.P_EXCLUSIVE) == 0 : <i32>p == option;
}

function runOption(option: i32): i64 {
  for (let line: u32 = 0; line < lineCount; line++) {
    storeI64(valueAt, <i32>line, loadI64(linesOutAt, <i32>line * L.LINE_OUT_SLOTS + 1));
  }
  for (let p: u32 = 0; p < promoCount; p++) {
    if (!inOption(p, option)) continue;
    const type = typeOf(p);
    if (type == L.TYPE_PERCENTAGE) applyPercentage(p);
    else if (type == L.TYPE_ORDER_AMOUNT) applyOrderAmount(p);
    else if (type == L.TYPE_BUY_X_GET_Y) applyBuyXGetY(p);
    else if (type == L.TYPE_VOLUME_TIERS) applyVolumeTiers(p);
  }
  return goodsValue();
}

/** Shipping for goods worth `goods`; with `record`, also notes the free-shipping state. */
function shippingFor(goods: i64, method: u32, record: bool): i64 {
  if (record) {
    storeI64(summaryAt, L.S_FREE_SHIPPING_PROMO, -1);
    storeI64(summaryAt, L.S_FREE_SHIPPING_REMAINING, 0);
    storeI64(summaryAt, L.S_FREE_SHIPPING_THRESHOLD, -1);
  }
  if (lineCount == 0) return 0;
  if (method == L.SHIPPING_EXPRESS) return loadI64(shippingAt, 1);
  let freeBy: i32 = -1,
    nearest: i64 = i64.MAX_VALUE;
  for (let p: u32 = 0; p < promoCount; p++) {
    if (!isCandidate(p) || typeOf(p) != L.TYPE_FREE_SHIPPING) continue;
    const threshold = loadI64(promo(p), L.P_THRESHOLD);
    if (goods >= threshold) {
      if (freeBy < 0) freeBy = <i32>p;
    } else if (threshold < nearest) nearest = threshold;
  }
  if (record) {
    storeI64(summaryAt, L.S_FREE_SHIPPING_PROMO, <i64>freeBy);
    const open = freeBy < 0 && nearest != i64.MAX_VALUE;
    storeI64(summaryAt, L.S_FREE_SHIPPING_REMAINING, open ? nearest - goods : 0);
    storeI64(
      summaryAt,
      L.S_FREE_SHIPPING_THRESHOLD,
      open ? nearest : freeBy >= 0 ? loadI64(promo(freeBy), L.P_THRESHOLD) : -1,
    );
  }
  return freeBy >= 0 ? 0 : loadI64(shippingAt, 0);
}

function evaluateCoupons(at: i64, subtotal: i64): void {
  let applied = 0,
    exclusiveApplied = false;
  for (let i: u32 = 0; i < cartCouponCount; i++) {
    const record = coupon(loadU32(cartCouponsAt, i));
    const combinable = loadI64(record, L.C_COMBINABLE) != 0;
    let status = L.COUPON_APPLIED;
    if (at < loadI64(record, L.C_VALID_FROM)) status = L.COUPON_NOT_YET_VALID;
    else if (at > loadI64(record, L.C_VALID_UNTIL)) status = L.COUPON_EXPIRED;
    else if (subtotal < loadI64(record, L.C_MINIMUM_ORDER)) status = L.COUPON_MINIMUM_NOT_REACHED;
    else if (applied > 0 && (!combinable || exclusiveApplied)) status = L.COUPON_NOT_COMBINABLE;
    storeU32(couponStatusAt, i, status);
    if (status != L.COUPON_APPLIED) continue;
    applied++;
    if (!combinable) exclusiveApplied = true;
    storeU32(candidateAt, <u32>loadI64(record, L.C_PROMOTION), 1);
  }
}

export function computeQuote(at: i64, method: u32): void {
  let subtotal: i64 = 0;
  for (let line: u32 = 0; line < lineCount; line++) {
    const price = loadI64(priceAt, <i32>lineItem(line));
    const listTotal = price * <i64>lineQuantity(line);
    const out = <i32>line * L.LINE_OUT_SLOTS;
    storeI64(linesOutAt, out, price);
    storeI64(linesOutAt, out + 1, listTotal);
    storeI64(discountAt, <i32>line, 0);
    subtotal += listTotal;
  }
  for (let p: u32 = 0; p < promoCount; p++) {
    const record = promo(p);
    const live =
      loadI64(record, L.P_AUTOMATIC) != 0 &&
      at >= loadI64(record, L.P_VALID_FROM) &&
      at <= loadI64(record, L.P_VALID_UNTIL);
    storeU32(candidateAt, p, live ? 1 : 0);
  }
  evaluateCoupons(at, subtotal);
  for (let p: u32 = 0; p < promoCount; p++) if (isCandidate(p)) collectCovered(p);

  // The customer gets the cheapest total: the non-exclusive stack, or one exclusive promotion alone.
  startRecording(false);
  let best = STACK;
  let bestTotal = runOption(STACK);
  bestTotal += shippingFor(bestTotal, method, false);
  for (let p: u32 = 0; p < promoCount; p++) {
    if (!isCandidate(p) || typeOf(p) == L.TYPE_FREE_SHIPPING || loadI64(promo(p), L.P_EXCLUSIVE) == 0) continue;
    let total = runOption(<i32>p);
    total += shippingFor(total, method, false);
    if (total < bestTotal) {
      bestTotal = total;
      best = <i32>p;
    }
  }
  startRecording(true);
  const goods = runOption(best);
  const shipping = shippingFor(goods, method, true);

  for (let p: u32 = 0; p < promoCount; p++) {
    const chosen = isCandidate(p) && (typeOf(p) == L.TYPE_FREE_SHIPPING || inOption(p, best));
    storeU32(chosenAt, p, chosen ? 1 : 0);
  }
  for (let i: u32 = 0; i < cartCouponCount; i++) {
    const p = <u32>loadI64(coupon(loadU32(cartCouponsAt, i)), L.C_PROMOTION);
    if (loadU32(couponStatusAt, i) == L.COUPON_APPLIED && loadU32(chosenAt, p) == 0) {
      storeU32(couponStatusAt, i, L.COUPON_NOT_COMBINABLE);
    }
  }

  let discountTotal: i64 = 0;
  for (let line: u32 = 0; line < lineCount; line++) {
    const out = <i32>line * L.LINE_OUT_SLOTS;
    const discount = loadI64(discountAt, <i32>line);
    storeI64(linesOutAt, out + 2, discount);
    storeI64(linesOutAt, out + 3, loadI64(linesOutAt, out + 1) - discount);
    discountTotal += discount;
  }
  storeI64(summaryAt, L.S_SUBTOTAL, subtotal);
  storeI64(summaryAt, L.S_DISCOUNT_TOTAL, discountTotal);
  storeI64(summaryAt, L.S_SHIPPING, shipping);
  storeI64(summaryAt, L.S_TOTAL, subtotal - discountTotal + shipping);
  storeI64(summaryAt, L.S_VAT_ROWS, computeVat(shipping));
  storeI64(summaryAt, L.S_ADJUSTMENTS, adjustmentCount);
}
