import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cartContext } from '../context/cart.js';
import { catalogContext } from '../context/catalog.js';
import { emptyCart, itemCount, type Cart } from '../domain/cart.js';
import type { Quote } from '../domain/quote.js';
import type { CatalogIndex } from '../domain/catalog-index.js';
import type { CartService } from '../services/cart-service.js';
import { PricingService } from '../services/pricing.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Live cart state for a component: re-renders its host on every cart change, in any tab. */
export class CartController implements ReactiveController {
  readonly #host: Host;
  readonly #catalog: ContextConsumer<typeof catalogContext, Host>;
  #service: CartService | undefined;
  #quote: { cart: Cart; catalog: CatalogIndex; quote: Quote | undefined } | undefined;
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
    this.#catalog = new ContextConsumer(host, { context: catalogContext, subscribe: true });
  }

  get service(): CartService | undefined {
    return this.#service;
  }

  get cart(): Cart {
    return this.#service?.cart ?? emptyCart();
  }

  get count(): number {
    return itemCount(this.cart);
  }

  /** The pricing engine for the current catalog (loading, ready or failed). */
  get pricing(): PricingService | undefined {
    const catalog = this.#catalog.value;
    if (!catalog) return undefined;
    const pricing = PricingService.for(catalog.catalog);
    if (pricing !== this.#pricing) {
      this.#pricing?.removeEventListener('change', this.#onChange);
      this.#pricing = pricing;
      pricing.addEventListener('change', this.#onChange);
    }
    return pricing;
  }

  /** The priced cart (by the WASM engine); recomputed only when the cart or the catalog changed. */
  get quote(): Quote | undefined {
    const catalog = this.#catalog.value;
    const pricing = this.pricing;
    if (!catalog || !pricing) return undefined;
    const cart = this.cart;
    if (this.#quote?.cart !== cart || this.#quote.catalog !== catalog || !this.#quote.quote) {
      this.#quote = { cart, catalog, quote: pricing.quote(cart) };
    }
    return this.#quote.quote;
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
