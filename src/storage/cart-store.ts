import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { emptyCart, type Cart } from '../domain/cart.js';

interface CartDB extends DBSchema {
  cart: { key: string; value: Cart };
}

const CART_KEY = 'current';
let db: Promise<IDBPDatabase<CartDB>> | undefined;

function database(): Promise<IDBPDatabase<CartDB>> {
  db ??= openDB<CartDB>('laden', 1, {
    upgrade(database) {
      database.createObjectStore('cart');
    },
  });
  return db;
}

export async function loadCart(): Promise<Cart> {
  return (await (await database()).get('cart', CART_KEY)) ?? emptyCart();
}

export async function saveCart(cart: Cart): Promise<void> {
  const tx = (await database()).transaction('cart', 'readwrite');
  await Promise.all([tx.store.put(cart, CART_KEY), tx.done]);
}
