import { database } from './db.js';

/** How many recently viewed products are kept; older ones are dropped in the same transaction. */
export const RECENT_LIMIT = 20;

/** Notes that the shopper looked at a product (now, or at `viewedAt` ms since the epoch). */
export async function recordView(productId: string, viewedAt = Date.now()): Promise<void> {
  const db = await database();
  const tx = db.transaction('recent', 'readwrite');
  const trim = async () => {
    await tx.store.put({ productId, viewedAt });
    const excess = (await tx.store.count()) - RECENT_LIMIT;
    if (excess <= 0) return;
    let cursor = await tx.store.index('by-viewed-at').openCursor();
    for (let i = 0; cursor && i < excess; i++) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  };
  await Promise.all([trim(), tx.done]);
}

/** Product ids, most recent first. */
export async function recentlyViewed(limit = RECENT_LIMIT): Promise<string[]> {
  const db = await database();
  const ids: string[] = [];
  let cursor = await db.transaction('recent').store.index('by-viewed-at').openCursor(null, 'prev');
  while (cursor && ids.length < limit) {
    ids.push(cursor.value.productId);
    cursor = await cursor.continue();
  }
  return ids;
}

/** Forgets products the catalog no longer has. */
export async function forgetRecent(productIds: Iterable<string>): Promise<void> {
  const db = await database();
  const tx = db.transaction('recent', 'readwrite');
  await Promise.all([...[...productIds].map((id) => tx.store.delete(id)), tx.done]);
}
