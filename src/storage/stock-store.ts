import { database, type KnownStock } from './db.js';

/**
 * The last known stock levels (store `stock`), so that offline the shop can still say what was
 * available, and since when.
 */
const KEY = 'levels';

export async function saveKnownStock(known: KnownStock): Promise<void> {
  const db = await database();
  const tx = db.transaction('stock', 'readwrite');
  // Answers can arrive out of order (a slow request, then a fast one): keep the newest.
  const keepNewer = async () => {
    const stored = await tx.store.get(KEY);
    if (!stored || stored.fetchedAt <= known.fetchedAt) await tx.store.put(known, KEY);
  };
  await Promise.all([keepNewer(), tx.done]);
}

export async function loadKnownStock(): Promise<KnownStock | undefined> {
  return (await database()).get('stock', KEY);
}
