import type { Cart } from '../../domain/cart.js';
import type { Quote } from '../../domain/quote.js';
import type { CartController } from '../../controllers/cart-controller.js';

/**
 * The checkout's one place that prices a cart (with the shipping method the shopper picked), by
 * the WASM engine; undefined while it loads or when prices cannot be computed.
 */
export function priceCart(cart: Cart, controller: CartController): Quote | undefined {
  return controller.priced(cart);
}
