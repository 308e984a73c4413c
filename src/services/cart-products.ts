import type { Catalog, Product } from '../domain/catalog.js';
import type { Cart } from '../domain/cart.js';
import { withoutUnknownProducts } from '../storage/cart-repair.js';
import type { Quote } from '../domain/quote.js';
import type { CartService } from './cart-service.js';
import type { ListingStore } from './listing-store.js';
import { catalogOf, type PricingService } from './pricing.js';

export const OFFLINE_PRODUCTS =
  'Ohne Verbindung fehlen auf diesem Gerät noch Angaben zu Artikeln im Warenkorb. Die Preise erscheinen, sobald Sie wieder online sind.';

/** The products a cart's lines need for pricing, as far as the listing has them on this device. */
export interface CartProducts {
  /** The products at hand, as the catalog the pricing engine gets. */
  catalog: Catalog;
  /** Some are still on their way: no prices until they are in (never a wrong one). */
  waiting: boolean;
  /** Some are not on the device and there is no connection. */
  unavailable: boolean;
  /** Products the listing does not have at all: the catalog no longer sells them. */
  missing: string[];
}

/** Looks up every product of `productIds` (each once); what is missing is loaded by the listing. */
export function cartProducts(listing: ListingStore, productIds: readonly string[]): CartProducts {
  const products: Product[] = [];
  const missing: string[] = [];
  let waiting = false;
  let unavailable = false;
  for (const id of new Set(productIds)) {
    const view = listing.productById(id);
    if (view.state === 'ready') products.push(view.product);
    else if (view.state === 'loading') waiting = true;
    else if (view.state === 'unavailable') unavailable = true;
    else missing.push(id);
  }
  return { catalog: catalogOf(products, listing.tag), waiting, unavailable, missing };
}

/** Product lookups answered by the listing (what is at hand), for titles and the cart's repair. */
export const listingLookup = (listing: ListingStore | undefined) => ({
  product(id: string): Product | undefined {
    const view = listing?.productById(id);
    return view?.state === 'ready' ? view.product : undefined;
  },
});

/**
 * Once the whole listing is on the device, drops the cart's lines of products (or variants) it does
 * not have: the catalog no longer sells them (the storage notice says so).
 */
export async function forgetUnsoldProducts(listing: ListingStore, service: CartService): Promise<void> {
  if (!listing.progress.done) return;
  await service.ready;
  const products = await cartProductsWhenReady(listing, service.cart);
  if (products.unavailable) return;
  const lookup = { product: (id: string) => products.catalog.products.find((p) => p.id === id) };
  if (withoutUnknownProducts(service.cart, lookup).problems.length > 0) await service.forgetUnknownProducts(lookup);
}

/** `cart` priced now, or undefined while a product of it is not at hand (never a wrong price). */
export function priceNow(listing: ListingStore, pricing: PricingService, cart: Cart, at?: number): Quote | undefined {
  const products = cartProducts(
    listing,
    cart.lines.map((l) => l.productId),
  );
  if (products.waiting || products.unavailable) return undefined;
  return pricing.quote(cart, products.catalog, at);
}

/** The cart's products once none of them is on its way any more (at hand, missing or unavailable). */
export async function cartProductsWhenReady(listing: ListingStore, cart: Cart): Promise<CartProducts> {
  for (;;) {
    const products = cartProducts(
      listing,
      cart.lines.map((l) => l.productId),
    );
    if (!products.waiting) return products;
    await new Promise((resolve) => {
      listing.addEventListener('change', resolve, { once: true });
      listing.addEventListener('progress', resolve, { once: true });
    });
  }
}

/**
 * `cart` priced once the rules and its products are in; undefined when they cannot be (pricing
 * failed, or offline without a product: the caller says so).
 */
export async function priceWhenReady(
  listing: ListingStore,
  pricing: PricingService,
  cart: Cart,
): Promise<Quote | undefined> {
  await pricing.ready;
  const products = await cartProductsWhenReady(listing, cart);
  return products.unavailable ? undefined : pricing.quote(cart, products.catalog);
}
