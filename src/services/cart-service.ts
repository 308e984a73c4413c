import { MAX_COUPONS, addToCart, emptyCart, setQuantity, type Cart, type CartLine } from '../domain/cart.js';
import { dropUnknownProducts, loadCart, updateCart, watchCart } from '../storage/cart-store.js';
import type { ProductLookup } from '../storage/cart-repair.js';
import { normalizeCode } from '../domain/promotions.js';

/**
 * The shopper's cart: the one place that changes it. Every change is persisted before listeners
 * hear of it, so what a component shows is what survives a reload.
 */
export class CartService extends EventTarget {
  #cart: Cart = emptyCart();
  #ready: Promise<void>;

  constructor() {
    super();
    this.#ready = loadCart().then(
      (cart) => this.#set(cart),
      (error: unknown) => console.error('Der Warenkorb konnte nicht geladen werden', error),
    );
    // Another tab changed the cart: show its saved state here too.
    watchCart((cart) => this.#set(cart));
  }

  get cart(): Cart {
    return this.#cart;
  }

  get ready(): Promise<void> {
    return this.#ready;
  }

  add(line: CartLine): Promise<void> {
    return this.#update((cart) => addToCart(cart, line));
  }

  setQuantity(key: string, quantity: number): Promise<void> {
    return this.#update((cart) => setQuantity(cart, key, quantity));
  }

  /** Keeps a coupon code with the cart (once, in capitals); the quote says whether it applies. */
  /** Adds a code; past MAX_COUPONS the oldest code makes room, so an order never carries too many. */
  applyCoupon(code: string): Promise<void> {
    const wanted = normalizeCode(code);
    return this.#update((cart) =>
      cart.coupons.some((c) => normalizeCode(c) === wanted)
        ? cart
        : { ...cart, coupons: [...cart.coupons, wanted].slice(-MAX_COUPONS) },
    );
  }

  removeCoupon(code: string): Promise<void> {
    const unwanted = normalizeCode(code);
    return this.#update((cart) => ({ ...cart, coupons: cart.coupons.filter((c) => normalizeCode(c) !== unwanted) }));
  }

  /** Reads the saved cart again (after an order emptied it in its own transaction). */
  async reload(): Promise<void> {
    await this.#ready;
    this.#set(await loadCart());
  }

  /** Drops lines the catalog does not sell (any more); the storage notice tells the shopper. */
  async forgetUnknownProducts(catalog: ProductLookup): Promise<void> {
    await this.#ready;
    this.#set(await dropUnknownProducts(catalog));
  }

  /** `change` applies to the saved cart inside the storage transaction, so no other tab's change is lost. */
  async #update(change: (cart: Cart) => Cart): Promise<void> {
    await this.#ready;
    this.#set(await updateCart(change));
  }

  #set(cart: Cart): void {
    this.#cart = cart;
    this.dispatchEvent(new Event('change'));
  }
}
