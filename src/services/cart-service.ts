import { addToCart, emptyCart, setQuantity, type Cart, type CartLine } from '../domain/cart.js';
import { loadCart, saveCart } from '../storage/cart-store.js';

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
  }

  get cart(): Cart {
    return this.#cart;
  }

  get ready(): Promise<void> {
    return this.#ready;
  }

  add(line: CartLine): Promise<void> {
    return this.#update(addToCart(this.#cart, line));
  }

  setQuantity(key: string, quantity: number): Promise<void> {
    return this.#update(setQuantity(this.#cart, key, quantity));
  }

  async #update(next: Cart): Promise<void> {
    await this.#ready;
    await saveCart(next);
    this.#set(next);
  }

  #set(cart: Cart): void {
    this.#cart = cart;
    this.dispatchEvent(new Event('change'));
  }
}
