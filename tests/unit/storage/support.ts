import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
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
