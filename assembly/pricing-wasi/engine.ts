// Feeds the pricing engine's own core (assembly/pricing) with the parsed catalog, rules and cart:
// the same records the JS facade writes (src/wasm/pricing-state.ts), here laid out in blocks the
// runtime allocates, so the engine's tables never overlap the parsed JSON.
import * as L from '../pricing/layout';
import { storeI64, storeU32 } from '../pricing/arena';
import { computeQuote } from '../pricing/quote';
import {
  cartCouponsAt,
  itemsAt,
  layoutCartRegion,
  quantitiesAt,
  setCatalogRegion,
  setRulesRegion,
} from '../pricing/state';
import { CatalogItems, isSanePrice } from './catalog';
import { CartInput } from './cart';
import { Rules } from './rules';

function block(bytes: usize): usize {
  const at = heap.alloc(bytes + 8);
  const aligned = (at + 7) & ~(<usize>7);
  memory.fill(aligned, 0, bytes);
  return aligned;
}

export function writeCatalog(catalog: CatalogItems): void {
  const n = <usize>catalog.items.length;
  const price = block(n << 3);
  const product = block(n << 2);
  const rate = block(n << 2);
  for (let i = 0; i < catalog.items.length; i++) {
    const item = catalog.items[i];
    // Refused prices never reach a quote (the cart check stops them); 0 keeps the table well-formed.
    storeI64(price, i, isSanePrice(item) ? <i64>item.price : 0);
    storeU32(product, i, <u32>item.productIndex);
    storeU32(rate, i, isFinite(item.vatRate) ? <u32>item.vatRate : 0);
  }
  setCatalogRegion(<u32>n, <u32>catalog.products.length, price, product, rate);
}

export function writeRules(rules: Rules, catalog: CatalogItems): void {
  const count = rules.promotions.length;
  let tierTotal = 0;
  for (let p = 0; p < count; p++) tierTotal += rules.promotions[p].tiers.length >> 1;
  const words = (<u32>catalog.products.length + 31) >> 5;
  const promos = block(<usize>count * ((<usize>L.PROMO_SLOTS) << 3));
  const tiers = block(<usize>tierTotal * ((<usize>L.TIER_SLOTS) << 3));
  const coupons = block(<usize>rules.coupons.length * ((<usize>L.COUPON_SLOTS) << 3));
  const shipping = block(16);
  const bitmap = block((<usize>count * <usize>words) << 2);
  let tierStart = 0;
  for (let p = 0; p < count; p++) {
    const promo = rules.promotions[p];
    const record = promos + <usize>p * ((<usize>L.PROMO_SLOTS) << 3);
    storeI64(record, L.P_TYPE, promo.type);
    storeI64(record, L.P_EXCLUSIVE, promo.exclusive ? 1 : 0);
    storeI64(record, L.P_AUTOMATIC, rules.couponOnly.has(p) ? 0 : 1);
    storeI64(record, L.P_VALID_FROM, promo.from);
    storeI64(record, L.P_VALID_UNTIL, promo.until);
    storeI64(record, L.P_TARGET_ALL, promo.hasTarget ? 0 : 1);
    storeI64(record, L.P_PERCENT, promo.percent);
    storeI64(record, L.P_MIN_QUANTITY, promo.type == L.TYPE_PERCENTAGE ? promo.minQuantity : 0);
    storeI64(record, L.P_BUY, promo.buy);
    storeI64(record, L.P_GET, promo.get);
    storeI64(record, L.P_AMOUNT, promo.amount);
    storeI64(record, L.P_MINIMUM_ORDER, promo.minimumOrder);
    storeI64(record, L.P_THRESHOLD, promo.threshold);
    if (promo.type == L.TYPE_VOLUME_TIERS) {
      storeI64(record, L.P_TIER_START, tierStart);
      storeI64(record, L.P_TIER_COUNT, promo.tiers.length >> 1);
      for (let t = 0; t < promo.tiers.length; t++) storeI64(tiers, tierStart * 2 + t, promo.tiers[t]);
      tierStart += promo.tiers.length >> 1;
    }
    if (!promo.hasTarget) continue;
    for (let column = 0; column < catalog.products.length; column++) {
      if (!promo.covers(catalog.products[column])) continue;
      const word = <u32>p * words + ((<u32>column) >> 5);
      storeU32(bitmap, word, load<u32>(bitmap + ((<usize>word) << 2)) | (1 << (column & 31)));
    }
  }
  for (let c = 0; c < rules.coupons.length; c++) {
    const coupon = rules.coupons[c];
    const record = coupons + <usize>c * ((<usize>L.COUPON_SLOTS) << 3);
    storeI64(record, L.C_PROMOTION, coupon.promotion);
    storeI64(record, L.C_COMBINABLE, coupon.combinable ? 1 : 0);
    storeI64(record, L.C_MINIMUM_ORDER, coupon.minimumOrder);
    storeI64(record, L.C_VALID_FROM, coupon.from);
    storeI64(record, L.C_VALID_UNTIL, coupon.until);
  }
  storeI64(shipping, 0, rules.standard);
  storeI64(shipping, 1, rules.express);
  setRulesRegion(
    <u32>count,
    <u32>tierTotal,
    <u32>rules.coupons.length,
    promos,
    tiers,
    coupons,
    shipping,
    bitmap,
    words,
    0,
  );
}

/** Known coupon indices of the entered codes, in the order entered. */
export function knownCoupons(cart: CartInput, rules: Rules): i32[] {
  const known: i32[] = [];
  for (let i = 0; i < cart.coupons.length; i++) {
    if (rules.couponByCode.has(cart.coupons[i])) known.push(rules.couponByCode.get(cart.coupons[i]));
  }
  return known;
}

/** Writes the cart, prices it at `at`, and leaves the results in the engine's output regions. */
export function runQuote(cart: CartInput, known: i32[], at: i64): void {
  const lines = <u32>cart.lines.length;
  const size = layoutCartRegion(lines, <u32>known.length, 0);
  layoutCartRegion(lines, <u32>known.length, block(size));
  for (let i: u32 = 0; i < lines; i++) {
    storeU32(itemsAt, i, <u32>cart.lines[i].item);
    storeU32(quantitiesAt, i, <u32>cart.lines[i].quantity);
  }
  for (let c = 0; c < known.length; c++) storeU32(cartCouponsAt, c, <u32>known[c]);
  computeQuote(at, cart.express ? L.SHIPPING_EXPRESS : L.SHIPPING_STANDARD);
}
