import type { Cart } from '../../domain/cart.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { placeholderQuote, type Quote } from '../../domain/quote.js';

/** The checkout's one place that prices a cart (with the shipping method the shopper picked). */
export function priceCart(cart: Cart, catalog: CatalogIndex): Quote {
  return placeholderQuote(cart, catalog.catalog);
}
