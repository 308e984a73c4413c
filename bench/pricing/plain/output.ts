// The priced arrays turned into the Quote the shop renders.
import type { Quote, QuoteAdjustment, QuoteLine } from '../../../src/domain/quote.js';
import { roundDiv } from './arith.js';
import type { CartLines } from './lines.js';
import type { Pricer } from './pricer.js';
import type { PlainState } from './state.js';

let sums = new Float64Array(16);

export function buildQuote(
  state: PlainState,
  lines: CartLines,
  pricer: Pricer,
  express: boolean,
  coupons: Quote['coupons'],
): Quote {
  const n = pricer.lineCount;
  const quoteLines: QuoteLine[] = [];
  for (let i = 0; i < n; i++) {
    const item = pricer.item[i]!;
    const variantId = state.itemVariant[item];
    const productId = state.itemProduct[item]!.id;
    const quantity = pricer.quantity[i]!,
      unitPrice = state.price[item]!,
      listTotal = pricer.listTotal[i]!,
      discount = pricer.discount[i]!,
      total = listTotal - discount,
      vatRate = state.rate[item]!;
    quoteLines.push(
      variantId === undefined
        ? { productId, quantity, unitPrice, listTotal, discount, total, vatRate, adjustments: [] }
        : { productId, variantId, quantity, unitPrice, listTotal, discount, total, vatRate, adjustments: [] },
    );
  }
  const promotions = state.promotions;
  if (sums.length < promotions.length) sums = new Float64Array(promotions.length);
  sums.fill(0, 0, promotions.length);
  for (let a = 0; a < pricer.adjCount; a++) {
    const promotion = promotions[pricer.adjPromotion[a]!]!;
    const amount = pricer.adjAmount[a]!;
    sums[pricer.adjPromotion[a]!]! += amount;
    quoteLines[pricer.adjLine[a]!]!.adjustments.push({ promotionId: promotion.id, label: promotion.label, amount });
  }
  const discounts: QuoteAdjustment[] = [];
  for (let p = 0; p < promotions.length; p++) {
    if (sums[p]! > 0) discounts.push({ promotionId: promotions[p]!.id, label: promotions[p]!.label, amount: sums[p]! });
  }
  const shipping: Quote['shipping'] = { method: express ? 'express' : 'standard', price: pricer.shipping };
  if (!express && pricer.freeThreshold >= 0) {
    shipping.freeFrom = pricer.freeThreshold;
    shipping.remainingForFree = pricer.freeRemaining;
  }
  if (pricer.freeBy >= 0) {
    shipping.promotionId = promotions[pricer.freeBy]!.id;
    shipping.label = promotions[pricer.freeBy]!.label;
  }
  const vat: Quote['vat'] = [];
  for (let r = 0; r < pricer.vatRows; r++) {
    const gross = pricer.vatGross[r]!,
      rate = pricer.vatRate[r]!;
    if (gross === 0) continue;
    const tax = roundDiv(gross * rate, 100 + rate);
    vat.push({ rate, gross, net: gross - tax, tax });
  }
  return {
    currency: 'EUR',
    lines: quoteLines,
    subtotal: pricer.subtotal,
    discountTotal: pricer.discountTotal,
    shipping,
    discounts,
    vat,
    total: pricer.subtotal - pricer.discountTotal + pricer.shipping,
    coupons,
    errors: lines.errors.slice(),
  };
}
