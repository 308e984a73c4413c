// VAT per rate, extracted from the rate's gross total. Shipping is a secondary service: its price
// is split over the rates in proportion to the goods' value (largest remainder, ties: higher rate).
import { loadI64, loadU32, storeI64 } from './arena';
import { mulDiv, mulDivRemainder, roundDiv } from './arith';
import { LINE_OUT_SLOTS, MAX_VAT_RATES, VAT_SLOTS } from './layout';
import { lineCount, lineItem, linesOutAt, rateAt, vatAt } from './state';

const remainders = memory.data(MAX_VAT_RATES * 8);
const bumped = memory.data(MAX_VAT_RATES * 4);

function row(r: i32): usize {
  return vatAt + ((<usize>(r * VAT_SLOTS)) << 3);
}

/** Writes the VAT rows (rate, gross, net, tax), highest rate first, and returns their count. */
export function computeVat(shipping: i64): i32 {
  let rows = 0;
  for (let line: u32 = 0; line < lineCount; line++) {
    const rate = <i64>loadU32(rateAt, lineItem(line));
    const total = loadI64(linesOutAt, <i32>line * LINE_OUT_SLOTS + 3);
    let r = 0;
    while (r < rows && loadI64(row(r), 0) != rate) r++;
    if (r == rows) {
      if (rows == MAX_VAT_RATES) abort('pricing: more VAT rates than the quote can hold');
      // Insert keeping the rows sorted by rate, highest first.
      r = 0;
      while (r < rows && loadI64(row(r), 0) > rate) r++;
      memory.copy(row(r + 1), row(r), (<usize>((rows - r) * VAT_SLOTS)) << 3);
      storeI64(row(r), 0, rate);
      storeI64(row(r), 1, 0);
      rows++;
    }
    storeI64(row(r), 1, loadI64(row(r), 1) + total);
  }
  if (shipping > 0 && rows > 0) splitShipping(shipping, rows);
  let kept = 0;
  for (let r = 0; r < rows; r++) {
    const rate = loadI64(row(r), 0),
      gross = loadI64(row(r), 1);
    if (gross == 0) continue;
    const tax = roundDiv(gross * rate, 100 + rate);
    storeI64(row(kept), 0, rate);
    storeI64(row(kept), 1, gross);
    storeI64(row(kept), 2, gross - tax);
    storeI64(row(kept), 3, tax);
    kept++;
  }
  return kept;
}

function splitShipping(shipping: i64, rows: i32): void {
  let goods: i64 = 0;
  for (let r = 0; r < rows; r++) goods += loadI64(row(r), 1);
  if (goods == 0) {
    // Everything in the cart is free: shipping goes with the highest rate present.
    storeI64(row(0), 1, shipping);
    return;
  }
  let given: i64 = 0;
  for (let r = 0; r < rows; r++) {
    const share = <i64>mulDiv(<u64>shipping, <u64>loadI64(row(r), 1), <u64>goods);
    store<i64>(remainders + ((<usize>r) << 3), <i64>mulDivRemainder);
    store<u32>(bumped + ((<usize>r) << 2), 0);
    storeI64(row(r), 1, loadI64(row(r), 1) + share);
    given += share;
  }
  for (let left = shipping - given; left > 0; left--) {
    let best = -1;
    for (let r = 0; r < rows; r++) {
      if (load<u32>(bumped + ((<usize>r) << 2)) != 0) continue;
      if (best < 0 || load<i64>(remainders + ((<usize>r) << 3)) > load<i64>(remainders + ((<usize>best) << 3)))
        best = r;
    }
    store<u32>(bumped + ((<usize>best) << 2), 1);
    storeI64(row(best), 1, loadI64(row(best), 1) + 1);
  }
}
