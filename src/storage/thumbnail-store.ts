import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Encoded thumbnails, in their own database `laden-thumbnails` so that evicting images never
 * touches the shop's own data. Keyed by image, size, fit and engine version: a new engine makes
 * old thumbnails unreachable, and eviction removes them like any other cold entry.
 *
 * The size budget is kept by least-recently-used eviction; images of products in the cart and of
 * recently viewed products are pinned (setPinnedImages) and survive it, so they stay offline.
 *
 * Versions (never edit a released step; add the next one):
 *  1. `thumbnails` (indexed by last use and by image) and `pins`.
 */
export const THUMBNAIL_DB_NAME = 'laden-thumbnails';
export const THUMBNAIL_DB_VERSION = 1;
/** Enough for a few hundred product thumbnails at phone sizes. */
export const DEFAULT_BUDGET_BYTES = 24 * 1024 * 1024;

export interface ThumbnailId {
  /** URL of the original image. */
  src: string;
  width: number;
  height: number;
  fit: string;
  engine: number;
}

export interface StoredThumbnail extends ThumbnailId {
  key: string;
  /** Bytes rather than a Blob: every engine stores an ArrayBuffer the same way. */
  bytes: ArrayBuffer;
  type: string;
  usedAt: number;
}

interface ThumbnailSchema extends DBSchema {
  thumbnails: { key: string; value: StoredThumbnail; indexes: { 'by-used': number; 'by-src': string } };
  pins: { key: string; value: { src: string } };
}

let opened: Promise<IDBPDatabase<ThumbnailSchema>> | undefined;

function database(): Promise<IDBPDatabase<ThumbnailSchema>> {
  opened ??= openDB<ThumbnailSchema>(THUMBNAIL_DB_NAME, THUMBNAIL_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const thumbnails = db.createObjectStore('thumbnails', { keyPath: 'key' });
        thumbnails.createIndex('by-used', 'usedAt');
        thumbnails.createIndex('by-src', 'src');
        db.createObjectStore('pins', { keyPath: 'src' });
      }
    },
    blocking() {
      // A newer tab wants to upgrade: step aside; the next call reopens.
      void opened?.then((db) => db.close());
      opened = undefined;
    },
  });
  opened.catch(() => (opened = undefined));
  return opened;
}

export function thumbnailKey(id: ThumbnailId): string {
  return `${id.engine}|${id.width}x${id.height}|${id.fit}|${id.src}`;
}

/** The thumbnail, marked as just used; undefined when it is not stored. */
export async function getThumbnail(id: ThumbnailId): Promise<Blob | undefined> {
  const db = await database();
  const tx = db.transaction('thumbnails', 'readwrite');
  const stored = await tx.store.get(thumbnailKey(id));
  if (stored) await tx.store.put({ ...stored, usedAt: Date.now() });
  await tx.done;
  return stored && new Blob([stored.bytes], { type: stored.type });
}

/**
 * The closest stored thumbnail of `src` for a width: the smallest at least that wide, else the
 * widest. Offline, a nearby size beats no image.
 */
export async function nearestThumbnail(src: string, width: number, engine: number): Promise<Blob | undefined> {
  const db = await database();
  const all = (await db.getAllFromIndex('thumbnails', 'by-src', src)).filter((t) => t.engine === engine);
  all.sort((a, b) => a.width - b.width);
  const best = all.find((t) => t.width >= width) ?? all.at(-1);
  return best && new Blob([best.bytes], { type: best.type });
}

/**
 * Bytes stored, as this page last knew them. Reading every record to add up sizes would load the
 * whole cache (up to the budget) on each write, so the total is counted once and then kept up to
 * date; other tabs write too, so it is counted afresh every RECOUNT_EVERY writes.
 */
let knownTotal: number | undefined;
let writesSinceCount = 0;
const RECOUNT_EVERY = 64;

/** Stores a thumbnail, then evicts the least recently used unpinned ones beyond the budget. */
export async function putThumbnail(id: ThumbnailId, blob: Blob, budgetBytes = DEFAULT_BUDGET_BYTES): Promise<void> {
  // Read the blob before the transaction opens: awaiting other work inside one would end it.
  const bytes = await blob.arrayBuffer();
  const db = await database();
  const tx = db.transaction(['thumbnails', 'pins'], 'readwrite');
  const thumbnails = tx.objectStore('thumbnails');
  const key = thumbnailKey(id);
  let total = knownTotal;
  if (total === undefined || ++writesSinceCount >= RECOUNT_EVERY) {
    total = 0;
    for (const t of await thumbnails.getAll()) total += t.bytes.byteLength;
    writesSinceCount = 0;
  }
  const replaced = await thumbnails.get(key);
  total += bytes.byteLength - (replaced?.bytes.byteLength ?? 0);
  await thumbnails.put({ ...id, key, bytes, type: blob.type, usedAt: Date.now() });
  if (total > budgetBytes) {
    const pinned = new Set(await tx.objectStore('pins').getAllKeys());
    let cursor = await thumbnails.index('by-used').openCursor();
    while (cursor && total > budgetBytes) {
      if (!pinned.has(cursor.value.src)) {
        total -= cursor.value.bytes.byteLength;
        await cursor.delete();
      }
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  knownTotal = total;
}

/** Replaces the set of originals whose thumbnails must survive eviction (cart and recently viewed). */
export async function setPinnedImages(srcs: Iterable<string>): Promise<void> {
  const db = await database();
  const tx = db.transaction('pins', 'readwrite');
  await tx.store.clear();
  await Promise.all([...new Set(srcs)].map((src) => tx.store.put({ src })));
  await tx.done;
}

export async function storedThumbnailBytes(): Promise<number> {
  const db = await database();
  return (await db.getAll('thumbnails')).reduce((sum, t) => sum + t.bytes.byteLength, 0);
}

/** Closes the connection (tests delete the database between cases). */
export async function closeThumbnailStore(): Promise<void> {
  const db = await opened;
  opened = undefined;
  knownTotal = undefined;
  db?.close();
}
