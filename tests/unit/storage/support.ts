import 'fake-indexeddb/auto';
import { IDBFactory, IDBTransaction as FDBTransaction } from 'fake-indexeddb';
import { vi } from 'vitest';
import { StorageNoticeEvent } from '../../../src/events/storage-notice.js';

/** Each test gets an empty IndexedDB of its own. */
export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

/**
 * A page of the shop as a second tab would have it: its own copy of the storage modules, so its
 * own database connection and BroadcastChannel, sharing only IndexedDB with the other tabs.
 */
export async function openTab() {
  vi.resetModules();
  const [cartStore, db, notices, sync] = await Promise.all([
    import('../../../src/storage/cart-store.js'),
    import('../../../src/storage/db.js'),
    import('../../../src/storage/notices.js'),
    import('../../../src/storage/cart-sync.js'),
  ]);
  const seen: StorageNoticeEvent[] = [];
  notices.storageNotices.addEventListener('shop-storage-notice', (e) => seen.push(e as StorageNoticeEvent));
  return {
    ...cartStore,
    db,
    notices: seen,
    async close() {
      sync.closeCartSync();
      await db.closeDatabase();
    },
  };
}

export const waitFor = async <T>(probe: () => T | undefined, timeoutMs = 1000): Promise<T> => {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

interface FakeTransaction {
  mode: IDBTransactionMode;
  error: DOMException | null;
  objectStoreNames: DOMStringList;
  _state: string;
  _requests: { request: { readyState: string } }[];
  _start(): void;
  _abort(name: string | null): void;
}

/**
 * Makes the device "full" the way browsers report it: every read-write transaction on one of
 * `stores` runs its requests (each put and add succeeds) and then fails to commit, aborting with a
 * QuotaExceededError on the transaction, rolled back, with no exception from any put. Returns the
 * function that makes room again.
 */
export function failCommitsWithQuota(...stores: string[]): () => void {
  const proto = FDBTransaction.prototype as unknown as FakeTransaction;
  const start = proto._start;
  proto._start = function (this: FakeTransaction) {
    const committing =
      this._state !== 'finished' &&
      this.error === null &&
      this.mode === 'readwrite' &&
      stores.some((name) => this.objectStoreNames.contains(name)) &&
      this._requests.every(({ request }) => request.readyState === 'done');
    if (committing) this._abort('QuotaExceededError');
    else start.call(this);
  };
  return () => {
    proto._start = start;
  };
}
