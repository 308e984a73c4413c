// Reads the engine's output regions back and writes the quote as JSON: the same object, with the
// same members in the same order, that the JS facade returns (src/domain/quote.ts).
import * as L from '../pricing/layout';
import { loadI64, loadU32 } from '../pricing/arena';
import { adjustmentsAt, couponStatusAt, linesOutAt, summaryAt, vatAt } from '../pricing/state';
import { CatalogItems } from './catalog';
import { CartInput } from './cart';
import { berlinDay } from './time';
import { formatEuro } from './euro';
import { ObjectWriter, arrayOf, quoteString } from './json-out';
import { Rules } from './rules';

const STATUS = ['applied', 'expired', 'not-yet-valid', 'minimum-not-reached', 'not-combinable'];

function couponMessage(code: string, status: string, rules: Rules, couponIndex: i32, subtotal: i64): string {
  if (status == 'unknown') return `Den Gutscheincode „${code}“ gibt es nicht. Bitte die Schreibweise prüfen.`;
  const coupon = rules.coupons[couponIndex];
  if (status == 'applied') return `Gutschein ${code} eingelöst: ${rules.promotions[coupon.promotion].label}`.trim();
  if (status == 'expired') return `Der Gutschein ${code} ist am ${berlinDay(coupon.until)} abgelaufen.`;
  if (status == 'not-yet-valid') return `Der Gutschein ${code} gilt erst ab dem ${berlinDay(coupon.from)}.`;
  if (status == 'minimum-not-reached') {
    const minimum = coupon.minimumOrder;
    return `Der Gutschein ${code} gilt ab ${formatEuro(minimum)} Warenwert – es fehlen noch ${formatEuro(minimum - subtotal)}.`;
  }
  return `Der Gutschein ${code} lässt sich nicht mit Ihren anderen Gutscheinen oder Aktionen kombinieren.`;
}

function adjustment(id: string, label: string, amount: i64): string {
  return new ObjectWriter().str('promotionId', id).str('label', label).int('amount', amount).toString();
}

export function quoteJson(catalog: CatalogItems, rules: Rules, cart: CartInput, known: i32[]): string {
  const summary = (slot: i32): i64 => loadI64(summaryAt, slot);
  const subtotal = summary(L.S_SUBTOTAL);
  const lineCount = cart.lines.length;
  const promoCount = rules.promotions.length;

  // Adjustments per line and sums per promotion, in application order.
  const perLine = new Array<string[]>(lineCount);
  for (let i = 0; i < lineCount; i++) perLine[i] = [];
  const sums = new Array<i64>(promoCount);
  const seen = new Array<bool>(promoCount);
  const adjustments = <i32>summary(L.S_ADJUSTMENTS);
  for (let a = 0; a < adjustments; a++) {
    const key = loadI64(adjustmentsAt, a * 2);
    const amount = loadI64(adjustmentsAt, a * 2 + 1);
    const p = <i32>(key & 0xffff_ffff);
    const promotion = rules.promotions[p];
    perLine[<i32>(key >> 32)].push(adjustment(promotion.id, promotion.label, amount));
    sums[p] += amount;
    seen[p] = true;
  }

  const lines: string[] = [];
  for (let i = 0; i < lineCount; i++) {
    const line = cart.lines[i];
    const item = catalog.items[line.item];
    const out = linesOutAt + <usize>i * ((<usize>L.LINE_OUT_SLOTS) << 3);
    const w = new ObjectWriter().str('productId', catalog.products[item.productIndex].id);
    const variantId = item.variantId;
    if (variantId != null) w.str('variantId', variantId);
    w.int('quantity', <i64>line.quantity)
      .int('unitPrice', loadI64(out, 0))
      .int('listTotal', loadI64(out, 1))
      .int('discount', loadI64(out, 2))
      .int('total', loadI64(out, 3))
      .int('vatRate', <i64>item.vatRate)
      .raw('adjustments', arrayOf(perLine[i]));
    lines.push(w.toString());
  }

  const method = cart.express ? 'express' : 'standard';
  const shipping = new ObjectWriter().str('method', method).int('price', summary(L.S_SHIPPING));
  const threshold = summary(L.S_FREE_SHIPPING_THRESHOLD);
  if (!cart.express && threshold >= 0) {
    shipping.int('freeFrom', threshold).int('remainingForFree', summary(L.S_FREE_SHIPPING_REMAINING));
  }
  const freeBy = summary(L.S_FREE_SHIPPING_PROMO);
  if (freeBy >= 0 && freeBy < promoCount) {
    shipping.str('promotionId', rules.promotions[<i32>freeBy].id).str('label', rules.promotions[<i32>freeBy].label);
  }

  const discounts: string[] = [];
  for (let p = 0; p < promoCount; p++) {
    if (seen[p]) discounts.push(adjustment(rules.promotions[p].id, rules.promotions[p].label, sums[p]));
  }

  const vat: string[] = [];
  const rows = <i32>summary(L.S_VAT_ROWS);
  for (let r = 0; r < rows; r++) {
    const at = r * L.VAT_SLOTS;
    vat.push(
      new ObjectWriter()
        .int('rate', loadI64(vatAt, at))
        .int('gross', loadI64(vatAt, at + 1))
        .int('net', loadI64(vatAt, at + 2))
        .int('tax', loadI64(vatAt, at + 3))
        .toString(),
    );
  }

  const coupons: string[] = [];
  let next = 0;
  for (let i = 0; i < cart.coupons.length; i++) {
    const code = cart.coupons[i];
    const index = rules.couponByCode.has(code) ? rules.couponByCode.get(code) : -1;
    const status = index < 0 ? 'unknown' : STATUS[loadU32(couponStatusAt, next++)];
    const message = couponMessage(code, status, rules, index, subtotal);
    coupons.push(new ObjectWriter().str('code', code).str('status', status).str('message', message).toString());
  }
  assert(next == known.length);

  const errors: string[] = [];
  for (let e = 0; e < cart.errors.length; e++) {
    const error = cart.errors[e];
    errors.push(
      new ObjectWriter().int('line', error.line).str('code', error.code).str('message', error.message).toString(),
    );
  }

  return new ObjectWriter()
    .raw('currency', quoteString('EUR'))
    .raw('lines', arrayOf(lines))
    .int('subtotal', subtotal)
    .int('discountTotal', summary(L.S_DISCOUNT_TOTAL))
    .raw('shipping', shipping.toString())
    .raw('discounts', arrayOf(discounts))
    .raw('vat', arrayOf(vat))
    .int('total', summary(L.S_TOTAL))
    .raw('coupons', arrayOf(coupons))
    .raw('errors', arrayOf(errors))
    .toString();
}
