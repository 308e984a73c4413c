// The four kinds of goods discount. Each works on the lines' current values (after the
// promotions applied before it) and never takes more than a line is still worth.
import { loadI64, loadU32, storeI64, storeU32 } from './arena';
import { mulDiv, mulDivRemainder, roundDiv } from './arith';
import {
  ADJUSTMENT_SLOTS,
  P_AMOUNT,
  P_BUY,
  P_GET,
  P_MIN_QUANTITY,
  P_MINIMUM_ORDER,
  P_PERCENT,
  P_TIER_COUNT,
  P_TIER_START,
  TIER_SLOTS,
} from './layout';
import { BY_UNIT_VALUE, selectLargestRemainders, sortLines } from './sort';
import {
  adjustmentsAt,
  coveredCount,
  coveredLine,
  discountAt,
  lineCount,
  lineQuantity,
  orderAt,
  promo,
  remainderAt,
  shareAt,
  tiersAt,
  valueAt,
} from './state';

/** While false (when options are only compared), nothing but the working values change. */
let recording = false;
export let adjustmentCount: u32 = 0;

export function startRecording(on: bool): void {
  recording = on;
  adjustmentCount = 0;
}

function reduce(line: u32, p: u32, amount: i64): void {
  if (amount <= 0) return;
  // Debug builds (the tests) check the promise every promotion makes; release builds drop it.
  assert(amount <= loadI64(valueAt, <i32>line), 'pricing: a discount exceeds what is left of its line');
  storeI64(valueAt, <i32>line, loadI64(valueAt, <i32>line) - amount);
  if (!recording) return;
  storeI64(discountAt, <i32>line, loadI64(discountAt, <i32>line) + amount);
  const at = adjustmentsAt + <usize>adjustmentCount * ((<usize>ADJUSTMENT_SLOTS) << 3);
  store<i64>(at, ((<i64>line) << 32) | (<i64>p));
  store<i64>(at, amount, 8);
  adjustmentCount++;
}

export function goodsValue(): i64 {
  let sum: i64 = 0;
  for (let line: u32 = 0; line < lineCount; line++) sum += loadI64(valueAt, <i32>line);
  return sum;
}

/** Percentage off the product set, once its units reach the minimum quantity. */
export function applyPercentage(p: u32): void {
  const record = promo(p);
  const count = coveredCount(p);
  let units: i64 = 0;
  for (let c: u32 = 0; c < count; c++) units += <i64>lineQuantity(coveredLine(p, c));
  if (units == 0 || units < loadI64(record, P_MIN_QUANTITY)) return;
  const percent = loadI64(record, P_PERCENT);
  for (let c: u32 = 0; c < count; c++) {
    const line = coveredLine(p, c);
    reduce(line, p, roundDiv(loadI64(valueAt, <i32>line) * percent, 100));
  }
}

/** "Buy X, get Y": of every X + Y eligible units, the Y cheapest are free. */
export function applyBuyXGetY(p: u32): void {
  const record = promo(p);
  const count = coveredCount(p);
  let units: i64 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const line = coveredLine(p, c);
    storeU32(orderAt, c, line);
    units += <i64>lineQuantity(line);
  }
  const get = loadI64(record, P_GET);
  let free = (units / (loadI64(record, P_BUY) + get)) * get;
  if (free == 0) return;
  sortLines(count, BY_UNIT_VALUE);
  for (let i: u32 = 0; i < count && free > 0; i++) {
    const line = loadU32(orderAt, i);
    const quantity = <i64>lineQuantity(line);
    const taken = min(free, quantity);
    const value = loadI64(valueAt, <i32>line);
    reduce(line, p, taken == quantity ? value : roundDiv(value * taken, quantity));
    free -= taken;
  }
}

/** Volume tiers: the unit price of the highest tier the line's quantity reaches, if lower. */
export function applyVolumeTiers(p: u32): void {
  const record = promo(p);
  const first = <i32>loadI64(record, P_TIER_START),
    tiers = <i32>loadI64(record, P_TIER_COUNT);
  const count = coveredCount(p);
  for (let c: u32 = 0; c < count; c++) {
    const line = coveredLine(p, c);
    const quantity = <i64>lineQuantity(line);
    let unitPrice: i64 = -1;
    for (let t = first; t < first + tiers; t++) {
      if (loadI64(tiersAt, t * TIER_SLOTS) <= quantity) unitPrice = loadI64(tiersAt, t * TIER_SLOTS + 1);
    }
    if (unitPrice < 0) continue;
    const value = loadI64(valueAt, <i32>line),
      target = unitPrice * quantity;
    if (target < value) reduce(line, p, value - target);
  }
}

/** A fixed amount off the (covered part of the) order above a minimum order value, split over its lines. */
export function applyOrderAmount(p: u32): void {
  const record = promo(p);
  const count = coveredCount(p);
  let goods: i64 = 0;
  for (let c: u32 = 0; c < count; c++) goods += loadI64(valueAt, <i32>coveredLine(p, c));
  if (goods == 0 || goods < loadI64(record, P_MINIMUM_ORDER)) return;
  allocate(p, min(loadI64(record, P_AMOUNT), goods), goods);
}

/**
 * Splits `amount` (<= `goods`) over the covered lines in proportion to their values: each gets the
 * floor of its share, the cents left over go to the largest remainders (ties: lower catalog item).
 */
function allocate(p: u32, amount: i64, goods: i64): void {
  const count = coveredCount(p);
  let given: i64 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const line = coveredLine(p, c);
    const share = <i64>mulDiv(<u64>amount, <u64>loadI64(valueAt, <i32>line), <u64>goods);
    storeI64(shareAt, <i32>line, share);
    storeI64(remainderAt, <i32>line, <i64>mulDivRemainder);
    storeU32(orderAt, c, line);
    given += share;
  }
  const leftover = amount - given;
  if (leftover > 0) {
    selectLargestRemainders(count, <u32>leftover, goods);
    for (let i: u32 = 0; <i64>i < leftover; i++) {
      const line = loadU32(orderAt, i);
      storeI64(shareAt, <i32>line, loadI64(shareAt, <i32>line) + 1);
    }
  }
  for (let c: u32 = 0; c < count; c++) {
    const line = coveredLine(p, c);
    reduce(line, p, loadI64(shareAt, <i32>line));
  }
}
