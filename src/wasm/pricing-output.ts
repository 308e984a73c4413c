import type { Promotion } from '../domain/promotions.js';
import type { Quote, QuoteAdjustment, QuoteLine } from '../domain/quote.js';
import type { WasmInstance } from './loader.js';
import type { ValidLine } from './pricing-input.js';
import { LINE_OUT, SUMMARY, VAT_ROW, type PricingExports } from './pricing-layout.js';
import type { PricingState } from './pricing-state.js';

type Instance = WasmInstance<PricingExports>;

/** The priced lines with their adjustments, in the order the facade wrote them. */
export function readLines(
  instance: Instance,
  state: PricingState,
  lines: ValidLine[],
  linesAt: number,
  adjustmentsAt: number,
  adjustmentCount: number,
): QuoteLine[] {
  const out = instance.i64(linesAt, lines.length * LINE_OUT.slots);
  const quoteLines = lines.map((line, i): QuoteLine => {
    const item = state.items.items[line.item]!;
    const at = i * LINE_OUT.slots;
    return {
      productId: item.product.id,
      ...(item.variantId === undefined ? {} : { variantId: item.variantId }),
      quantity: line.quantity,
      unitPrice: Number(out[at + LINE_OUT.unitPrice]),
      listTotal: Number(out[at + LINE_OUT.listTotal]),
      discount: Number(out[at + LINE_OUT.discount]),
      total: Number(out[at + LINE_OUT.total]),
      vatRate: item.vatRate,
      adjustments: [],
    };
  });
  const adjustments = instance.i64(adjustmentsAt, adjustmentCount * 2);
  for (let a = 0; a < adjustmentCount; a++) {
    const key = adjustments[a * 2]!;
    const promotion = state.promotions[Number(key & 0xffff_ffffn)]!;
    quoteLines[Number(key >> 32n)]!.adjustments.push({
      promotionId: promotion.id,
      label: promotion.label,
      amount: Number(adjustments[a * 2 + 1]),
    });
  }
  return quoteLines;
}

export function readShipping(
  state: PricingState,
  method: 'standard' | 'express',
  summary: BigInt64Array,
): Quote['shipping'] {
  const shipping: Quote['shipping'] = { method, price: Number(summary[SUMMARY.shipping]) };
  const threshold = Number(summary[SUMMARY.freeShippingThreshold]);
  const freeBy = state.promotions[Number(summary[SUMMARY.freeShippingPromotion])];
  if (method === 'standard' && threshold >= 0) {
    shipping.freeFrom = threshold;
    shipping.remainingForFree = Number(summary[SUMMARY.freeShippingRemaining]);
  }
  if (freeBy) {
    shipping.promotionId = freeBy.id;
    shipping.label = freeBy.label;
  }
  return shipping;
}

export function readVat(instance: Instance, vatAt: number, rows: number): Quote['vat'] {
  const vat = instance.i64(vatAt, rows * VAT_ROW.slots);
  return Array.from({ length: rows }, (_, r) => ({
    rate: Number(vat[r * VAT_ROW.slots + VAT_ROW.rate]),
    gross: Number(vat[r * VAT_ROW.slots + VAT_ROW.gross]),
    net: Number(vat[r * VAT_ROW.slots + VAT_ROW.net]),
    tax: Number(vat[r * VAT_ROW.slots + VAT_ROW.tax]),
  }));
}

/** Sums each promotion's adjustments over the lines, in application order. */
export function discountsByPromotion(lines: QuoteLine[], order: Promotion[]): QuoteAdjustment[] {
  const sums = new Map<string, number>();
  for (const line of lines) {
    for (const a of line.adjustments) sums.set(a.promotionId, (sums.get(a.promotionId) ?? 0) + a.amount);
  }
  return order
    .filter((p) => sums.has(p.id))
    .map((p) => ({ promotionId: p.id, label: p.label, amount: sums.get(p.id)! }));
}
