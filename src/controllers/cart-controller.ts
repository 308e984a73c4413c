import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cartContext } from '../context/cart.js';
import { pricingContext } from '../context/pricing.js';
import { emptyCart, itemCount, type Cart } from '../domain/cart.js';
import type { Quote } from '../domain/quote.js';
import type { CartService } from '../services/cart-service.js';
import {
  cartProducts,
  OFFLINE_PRODUCTS,
  priceNow,
  priceWhenReady,
  type CartProducts,
} from '../services/cart-products.js';
import type { ListingStore } from '../services/listing-store.js';
import { catalogKey, type PricingService } from '../services/pricing.js';
import { ListingController } from './listing-controller.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Live cart state for a component: re-renders its host on every cart change, in any tab, and when
 * the pricing or a product the cart needs arrives. The cart is priced from its own products alone
 * (from the listing); while one is still on its way there is no quote, never a wrong one.
 */
export class CartController implements ReactiveController {
  readonly #host: Host;
  readonly #listing: ListingController;
  readonly #pricingContext: ContextConsumer<typeof pricingContext, Host>;
  #service: CartService | undefined;
  #quote: { cart: Cart; pricing: PricingService; key: string; quote: Quote | undefined } | undefined;
  #pricing: PricingService | undefined;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: cartContext,
      subscribe: true,
      callback: (service) => this.#listen(service),
    });
    this.#pricingContext = new ContextConsumer(host, { context: pricingContext, subscribe: true });
    // Re-renders when a card or details arrive, and when the sync stored more shards.
    this.#listing = new ListingController(host, { progress: true });
  }

  get service(): CartService | undefined {
    return this.#service;
  }

  get listing(): ListingStore | undefined {
    return this.#listing.store;
  }

  get cart(): Cart {
    return this.#service?.cart ?? emptyCart();
  }

  get count(): number {
    return itemCount(this.cart);
  }

  /** The pricing of the shown catalog version (loading, ready or failed). */
  get pricing(): PricingService | undefined {
    const pricing = this.#pricingContext.value;
    if (pricing !== this.#pricing) {
      this.#pricing?.removeEventListener('change', this.#onChange);
      this.#pricing = pricing;
      pricing?.addEventListener('change', this.#onChange);
    }
    return pricing;
  }

  /** The cart's products as far as they are on the device (the listing loads the rest). */
  productsOf(cart: Cart): CartProducts | undefined {
    const listing = this.listing;
    return (
      listing &&
      cartProducts(
        listing,
        cart.lines.map((l) => l.productId),
      )
    );
  }

  /** Why there are no prices, in words for the shopper (undefined while they are just loading). */
  get problem(): string | undefined {
    const error = this.pricing?.error;
    if (error) return error;
    return this.productsOf(this.cart)?.unavailable ? OFFLINE_PRODUCTS : undefined;
  }

  /** `cart` priced by the WASM engine from its products; undefined while any of them is not at hand. */
  priced(cart: Cart, at?: number): Quote | undefined {
    const pricing = this.pricing;
    const listing = this.listing;
    return pricing && listing ? priceNow(listing, pricing, cart, at) : undefined;
  }

  /** `cart` priced once the pricing and its products are in (undefined if they cannot be: see `problem`). */
  async priceWhenReady(cart: Cart): Promise<Quote | undefined> {
    const pricing = this.pricing;
    const listing = this.listing;
    return pricing && listing ? priceWhenReady(listing, pricing, cart) : undefined;
  }

  /** The priced cart; recomputed only when the cart, the pricing or its products changed. */
  get quote(): Quote | undefined {
    const pricing = this.pricing;
    const products = this.productsOf(this.cart);
    if (!pricing || !products || products.waiting || products.unavailable) return undefined;
    const cart = this.cart;
    const key = catalogKey(products.catalog);
    let memo = this.#quote;
    if (memo?.cart !== cart || memo.pricing !== pricing || memo.key !== key || !memo.quote) {
      memo = this.#quote = { cart, pricing, key, quote: pricing.quote(cart, products.catalog) };
    }
    return memo.quote;
  }

  hostConnected(): void {
    this.#service?.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    this.#service?.removeEventListener('change', this.#onChange);
    this.#pricing?.removeEventListener('change', this.#onChange);
    this.#pricing = undefined;
  }

  #listen(service: CartService | undefined): void {
    this.#service?.removeEventListener('change', this.#onChange);
    this.#service = service;
    service?.addEventListener('change', this.#onChange);
    this.#host.requestUpdate();
  }
}
