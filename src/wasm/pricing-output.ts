import type { Quote, QuoteAdjustment, QuoteLine } from '../domain/quote.js';
import type { CartReader } from './pricing-input.js';
import { LINE_OUT, SUMMARY, VAT_ROW } from './pricing-layout.js';
import type { PricingState } from './pricing-state.js';

/**
 * Views over the module's memory, made once per buffer: `memory.grow` detaches the old buffer and
 * a trap brings a new instance, so the facade compares buffers before every quote.
 */
export interface MemoryViews {
  buffer: ArrayBuffer;
  u32: Uint32Array;
  f64: Float64Array;
}

export const viewsOf = (buffer: ArrayBuffer): MemoryViews => ({
  buffer,
  u32: new Uint32Array(buffer),
  f64: new Float64Array(buffer),
});

/** The priced lines with their adjustments, in the order the facade wrote them. */
export function readLines(
  { u32, f64 }: MemoryViews,
  state: PricingState,
  lines: CartReader,
  linesAt: number,
  adjustmentsAt: number,
  adjustmentCount: number,
): QuoteLine[] {
  const quoteLines: QuoteLine[] = [];
  const items = state.items.items;
  for (let i = 0, at = linesAt / 8; i < lines.count; i++, at += LINE_OUT.slots) {
    const item = items[lines.item[i]!]!;
    const productId = item.product.id,
      variantId = item.variantId,
      quantity = lines.quantity[i]!,
      unitPrice = f64[at + LINE_OUT.unitPrice]!,
      listTotal = f64[at + LINE_OUT.listTotal]!,
      discount = f64[at + LINE_OUT.discount]!,
      total = f64[at + LINE_OUT.total]!,
      vatRate = item.vatRate;
    // Two literal shapes rather than a spread, so every line object shares one hidden class.
    quoteLines.push(
      variantId === undefined
        ? { productId, quantity, unitPrice, listTotal, discount, total, vatRate, adjustments: [] }
        : { productId, variantId, quantity, unitPrice, listTotal, discount, total, vatRate, adjustments: [] },
    );
  }
  // An adjustment is (promotion u32, line u32, amount f64): the key's halves, then the amount.
  for (let a = 0, at = adjustmentsAt / 4; a < adjustmentCount; a++, at += 4) {
    const promotion = state.promotions[u32[at]!]!;
    quoteLines[u32[at + 1]!]!.adjustments.push({
      promotionId: promotion.id,
      label: promotion.label,
      amount: f64[at / 2 + 1]!,
    });
  }
  return quoteLines;
}

export function readShipping(
  state: PricingState,
  method: 'standard' | 'express',
  f64: Float64Array,
  summaryAt: number,
): Quote['shipping'] {
  const at = summaryAt / 8;
  const shipping: Quote['shipping'] = { method, price: f64[at + SUMMARY.shipping]! };
  const threshold = f64[at + SUMMARY.freeShippingThreshold]!;
  const freeBy = state.promotions[f64[at + SUMMARY.freeShippingPromotion]!];
  if (method === 'standard' && threshold >= 0) {
    shipping.freeFrom = threshold;
    shipping.remainingForFree = f64[at + SUMMARY.freeShippingRemaining]!;
  }
  if (freeBy) {
    shipping.promotionId = freeBy.id;
    shipping.label = freeBy.label;
  }
  return shipping;
}

export function readVat(f64: Float64Array, vatAt: number, rows: number): Quote['vat'] {
  const vat: Quote['vat'] = [];
  for (let r = 0, at = vatAt / 8; r < rows; r++, at += VAT_ROW.slots) {
    vat.push({
      rate: f64[at + VAT_ROW.rate]!,
      gross: f64[at + VAT_ROW.gross]!,
      net: f64[at + VAT_ROW.net]!,
      tax: f64[at + VAT_ROW.tax]!,
    });
  }
  return vat;
}

let sums = new Float64Array(16);

/** Sums each promotion's adjustments over the lines, in application order. */
export function discountsByPromotion(
  { u32, f64 }: MemoryViews,
  state: PricingState,
  adjustmentsAt: number,
  adjustmentCount: number,
): QuoteAdjustment[] {
  const promotions = state.promotions;
  if (sums.length < promotions.length) sums = new Float64Array(promotions.length);
  sums.fill(0, 0, promotions.length);
  for (let a = 0, at = adjustmentsAt / 4; a < adjustmentCount; a++, at += 4) sums[u32[at]!]! += f64[at / 2 + 1]!;
  const discounts: QuoteAdjustment[] = [];
  for (let p = 0; p < promotions.length; p++) {
    if (sums[p]! > 0) discounts.push({ promotionId: promotions[p]!.id, label: promotions[p]!.label, amount: sums[p]! });
  }
  return discounts;
}
