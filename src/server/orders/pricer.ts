import type { Cart } from '../../domain/cart.js';
import type { Quote } from '../../domain/quote.js';

/** Prices a cart at a moment with the server's catalog and rules: the same engine the shop runs. */
export interface OrderPricer {
  quote(cart: Cart, at: Date): Quote | Promise<Quote>;
}
