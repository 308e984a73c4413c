import type { Cart } from '../domain/cart.js';
import { STORAGE_NOTICE_KINDS } from '../events/storage-notice.js';
import { CART_KEY, database, type StoredCart } from './db.js';
import { repairCart, withoutUnknownProducts, type ProductLookup } from './cart-repair.js';
import { announceCartSaved, onCartSavedElsewhere } from './cart-sync.js';
import { StorageFullError, isQuotaExceeded } from './errors.js';
import { notify } from './notices.js';
import { requestPersistentStorage } from './persistence.js';

/**
 * The shopper's cart in IndexedDB (store `cart`, one record). Every change is a read-modify-write in
 * one transaction, awaited to `tx.done`: a crash leaves the old cart or the new one, and two tabs
 * changing it at once both keep their change.
 */

/** The record's cart, repaired if it needs it (record shape of any version, or none). */
function readRecord(record: unknown): { stored: StoredCart; problems: string[] } {
  const wrapped = typeof record === 'object' && record !== null && 'cart' in record;
  const { cart, problems } = repairCart(wrapped ? (record as { cart: unknown }).cart : record);
  const revision = wrapped ? Number((record as { revision?: unknown }).revision) : 0;
  const savedAt = wrapped ? Number((record as { savedAt?: unknown }).savedAt) : 0;
  return {
    stored: { cart, revision: Number.isSafeInteger(revision) ? revision : 0, savedAt: savedAt || 0 },
    problems,
  };
}

function tell(problems: string[]): void {
  for (const problem of problems) notify(STORAGE_NOTICE_KINDS.repaired, problem);
}

let lastRevision = 0;

/** The saved cart; a damaged record is repaired (and saved repaired) with a notice, never a crash. */
export async function loadCart(): Promise<Cart> {
  const db = await database();
  const raw: unknown = await db.get('cart', CART_KEY);
  const { stored, problems } = readRecord(raw);
  lastRevision = Math.max(lastRevision, stored.revision);
  if (problems.length > 0) {
    tell(problems);
    // Saving the repair is a courtesy; if it fails, the next load repairs again.
    await updateCart((cart) => ({ ...cart })).catch(() => undefined);
  }
  return stored.cart;
}

/**
 * Applies `change` to the saved cart and saves the result, all in one transaction (nothing but
 * IndexedDB is awaited inside it). Resolves with the cart as saved. On a full disk it rejects with
 * StorageFullError and the saved cart stays what it was.
 */
export async function updateCart(change: (cart: Cart) => Cart): Promise<Cart> {
  const db = await database();
  const tx = db.transaction('cart', 'readwrite');
  let before: StoredCart | undefined;
  let after: StoredCart | undefined;
  try {
    await Promise.all([
      (async () => {
        before = readRecord(await tx.store.get(CART_KEY)).stored;
        const cart = change(before.cart);
        // An unchanged cart (the same object back) is not written, announced or counted.
        after = cart === before.cart ? before : { cart, revision: before.revision + 1, savedAt: Date.now() };
        if (after !== before) await tx.store.put(after, CART_KEY);
      })(),
      tx.done,
    ]);
  } catch (error) {
    if (isQuotaExceeded(error)) {
      const message =
        'Der Speicher dieses Geräts ist voll: Die letzte Änderung am Warenkorb wurde nicht gespeichert, Ihr bisheriger Warenkorb ist erhalten. Geben Sie Speicherplatz frei und versuchen Sie es erneut.';
      notify(STORAGE_NOTICE_KINDS.full, message);
      throw new StorageFullError(message, { cause: error });
    }
    throw error;
  }
  if (!before || !after) throw new Error('Laden: the cart transaction finished without a result');
  if (after === before) return after.cart;
  lastRevision = after.revision;
  announceCartSaved(after.revision);
  if (before.cart.lines.length === 0 && after.cart.lines.length > 0) void requestPersistentStorage();
  return after.cart;
}

/** Replaces the saved cart. */
export async function saveCart(cart: Cart): Promise<void> {
  await updateCart(() => cart);
}

/** Drops lines whose product or variant the catalog does not have, with a notice. */
export async function dropUnknownProducts(catalog: ProductLookup): Promise<Cart> {
  let problems: string[] = [];
  const cart = await updateCart((current) => {
    const result = withoutUnknownProducts(current, catalog);
    problems = result.problems;
    return result.cart;
  });
  tell(problems);
  return cart;
}

/**
 * Calls `listener` with the saved cart whenever another tab changed it (BroadcastChannel, then a
 * fresh read). Returns the unsubscribe function.
 */
export function watchCart(listener: (cart: Cart) => void): () => void {
  return onCartSavedElsewhere((revision) => {
    if (revision <= lastRevision) return;
    void database()
      .then((db) => db.get('cart', CART_KEY))
      .then((raw) => {
        const { stored } = readRecord(raw);
        if (stored.revision <= lastRevision) return;
        lastRevision = stored.revision;
        listener(stored.cart);
      })
      .catch((error: unknown) => console.error('Laden: the cart changed in another tab but could not be read', error));
  });
}
