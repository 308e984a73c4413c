import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Cart } from '../domain/cart.js';
import { confirmedOrder } from '../domain/confirmed-order.js';
import type { ShopOrder } from '../domain/order.js';
import { STORAGE_NOTICE_KINDS } from '../events/storage-notice.js';
import { StorageError } from './errors.js';
import { notify } from './notices.js';

/**
 * The one IndexedDB database of the shop, `laden`. Thumbnails keep their own database
 * (`laden-thumbnails`) so that evicting images never needs a schema change here.
 *
 * Versions (never edit a released step; add the next one):
 *  1. `cart`: the Cart itself under the key "current".
 *  2. `cart` records become `StoredCart` (revision + time, so tabs can tell new from old);
 *     `recent` holds recently viewed products, indexed by time.
 *  3. `outbox`: the shop's orders (ShopOrder) by Idempotency-Key, indexed by creation time.
 *  4. `stock`: the last stock levels the server sent (KnownStock) under the key "levels".
 *  5. Confirmed orders in `outbox` drop the shopper's contact and address (confirmedOrder); earlier
 *     versions kept them for as long as the order was on the device.
 */
export const DB_NAME = 'laden';
export const DB_VERSION = 5;

export const CART_KEY = 'current';

export interface StoredCart {
  cart: Cart;
  /** Counts writes; a tab that hears of revision n knows whether it already has it. */
  revision: number;
  savedAt: number;
}

export interface RecentView {
  productId: string;
  viewedAt: number;
}

/** The last answer of `GET /api/stock` and when the server gave it (ms since the epoch). */
export interface KnownStock {
  stock: Record<string, number>;
  fetchedAt: number;
}

export interface LadenSchema extends DBSchema {
  cart: { key: string; value: StoredCart };
  recent: { key: string; value: RecentView; indexes: { 'by-viewed-at': number } };
  outbox: { key: string; value: ShopOrder; indexes: { 'by-created-at': number } };
  stock: { key: string; value: KnownStock };
}

type UpgradeTx = IDBPTransaction<LadenSchema, StoreNames<LadenSchema>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<LadenSchema>, tx: UpgradeTx) => Promise<void> | void;

/** MIGRATIONS[n] turns a version n-1 database into version n, inside the upgrade transaction. */
const MIGRATIONS: Record<number, Migration> = {
  1: (db) => {
    db.createObjectStore('cart');
  },
  2: async (db, tx) => {
    const store = tx.objectStore('cart');
    // A version 1 record is a bare Cart. It is wrapped as it is; loadCart repairs what is damaged.
    const old: unknown = await store.get(CART_KEY);
    if (old !== undefined) await store.put({ cart: old as Cart, revision: 1, savedAt: Date.now() }, CART_KEY);
    const recent = db.createObjectStore('recent', { keyPath: 'productId' });
    recent.createIndex('by-viewed-at', 'viewedAt');
  },
  3: (db) => {
    db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('by-created-at', 'createdAt');
  },
  4: (db) => {
    db.createObjectStore('stock');
  },
  5: async (_db, tx) => {
    for (let cursor = await tx.objectStore('outbox').openCursor(); cursor; cursor = await cursor.continue()) {
      const order = cursor.value;
      // A record that is not what version 4 wrote is left alone: the upgrade must never fail.
      if (order.state === 'confirmed' && typeof order.order?.id === 'string' && order.request) {
        await cursor.update(confirmedOrder(order, order.order));
      }
    }
  },
};

export interface OpenOptions {
  name?: string;
  /** Tests open earlier versions to prove the upgrade path; the app always opens DB_VERSION. */
  version?: number;
  /** Called when another tab needs this connection closed for its upgrade (after it is closed). */
  onVersionChange?: () => void;
}

/**
 * Opens the database, running every migration between the stored version and `version` in one
 * upgrade transaction. A connection closes itself as soon as a newer version wants to open, so an
 * upgrade in one tab never waits on another.
 */
export async function openLadenDb(options: OpenOptions = {}): Promise<IDBPDatabase<LadenSchema>> {
  const { name = DB_NAME, version = DB_VERSION } = options;
  let db: IDBPDatabase<LadenSchema>;
  try {
    db = await openDB<LadenSchema>(name, version, {
      async upgrade(database, oldVersion, newVersion, tx) {
        for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await MIGRATIONS[v]?.(database, tx);
      },
      blocked() {
        notify(
          STORAGE_NOTICE_KINDS.blocked,
          'Laden wird aktualisiert. Bitte schließen Sie andere Laden-Fenster oder laden Sie sie neu, damit Ihr Warenkorb gespeichert werden kann.',
        );
      },
      blocking(_current, _next, event) {
        // The raw connection: this fires on it, possibly before `openDB` has resolved here.
        (event.target as IDBDatabase).close();
        options.onVersionChange?.();
      },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'VersionError') {
      throw new StorageError(
        'Eine neuere Version von Laden ist in einem anderen Fenster geöffnet. Bitte laden Sie diese Seite neu.',
        { cause: error },
      );
    }
    throw error;
  }
  return db;
}

let shared: Promise<IDBPDatabase<LadenSchema>> | undefined;

/** The page's connection, opened on first use and reopened after another tab closed it. */
export function database(): Promise<IDBPDatabase<LadenSchema>> {
  if (!shared) {
    const opening = openLadenDb({
      onVersionChange: () => {
        shared = undefined;
        notify(
          STORAGE_NOTICE_KINDS.outdated,
          'Laden wurde in einem anderen Fenster aktualisiert. Bitte laden Sie diese Seite neu, damit Änderungen gespeichert werden.',
        );
      },
    });
    // A failed open (private mode, a newer tab) may succeed on the next try: do not keep it.
    opening.catch(() => {
      if (shared === opening) shared = undefined;
    });
    shared = opening;
  }
  return shared;
}

/** Closes the page's connection (tests; a later call opens it again). */
export async function closeDatabase(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) (await current.catch(() => undefined))?.close();
}
