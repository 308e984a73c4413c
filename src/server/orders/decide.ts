import { ORDER_ERRORS, type OrderRequest, type PlacedOrder } from '../../domain/order.js';
import type { Quote } from '../../domain/quote.js';
import type { StoredAnswer } from '../db/order-store.js';
import { problem } from './answers.js';
import { newOrderId } from './order-id.js';
import { publicOrder } from './public-order.js';

/** Line errors the shopper fixes by removing the product, not by waiting. */
const GONE = new Set(['unknown-product', 'unknown-variant']);

/** What the server answers once it has priced a valid request; stored and replayed for its key. */
export function decide(request: OrderRequest, quote: Quote, at: Date): { answer: StoredAnswer; order?: PlacedOrder } {
  if (quote.errors.length > 0) {
    const gone = quote.errors.some((e) => GONE.has(e.code));
    return {
      answer: problem(422, {
        error: gone ? ORDER_ERRORS.unknownProduct : ORDER_ERRORS.unorderable,
        message: quote.errors.map((e) => e.message).join(' '),
        quote,
      }),
    };
  }
  if (quote.total !== request.expectedTotal) {
    return {
      answer: problem(409, {
        error: ORDER_ERRORS.priceChanged,
        message: 'Die Preise haben sich geändert. Bitte prüfen Sie die neue Summe und bestellen Sie erneut.',
        quote,
      }),
    };
  }
  const order: PlacedOrder = { id: newOrderId(), state: 'confirmed', placedAt: at.toISOString(), request, quote };
  return { answer: { status: 201, body: JSON.stringify({ order: publicOrder(order) }) }, order };
}
