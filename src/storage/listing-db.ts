import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Product } from '../domain/catalog.js';
import type { CardColumns, ListingManifest } from '../domain/listing-format.js';

/**
 * The shipped listing kept on the device for offline use, in its own database (`laden-listing`), like
 * the thumbnails: it can always be fetched again, so clearing it never touches the cart or orders.
 * Records are keyed `<catalog tag>/<file>`, so one version's records are one key range.
 *
 * Versions: 1. `manifests` by URL, `shards` (card columns as shipped), `details` (visited buckets).
 */
export const LISTING_DB = 'laden-listing';

export interface StoredShard {
  key: string;
  cards: CardColumns;
}

export interface StoredDetails {
  key: string;
  products: Product[];
}

interface ListingSchema extends DBSchema {
  manifests: { key: string; value: ListingManifest };
  shards: { key: string; value: StoredShard };
  details: { key: string; value: StoredDetails };
}

let opened: Promise<IDBPDatabase<ListingSchema>> | undefined;

function database(): Promise<IDBPDatabase<ListingSchema>> {
  opened ??= openDB<ListingSchema>(LISTING_DB, 1, {
    upgrade(db) {
      db.createObjectStore('manifests');
      db.createObjectStore('shards', { keyPath: 'key' });
      db.createObjectStore('details', { keyPath: 'key' });
    },
    blocking() {
      // A newer tab upgrades the schema: let it, and open again on the next use.
      void opened?.then((db) => db.close());
      opened = undefined;
    },
  }).catch((error: unknown) => {
    opened = undefined;
    throw error;
  });
  return opened;
}

/** All keys of one catalog: `<tag>/` up to `<tag>/` followed by the highest character. */
const ofCatalog = (tag: string) => IDBKeyRange.bound(`${tag}/`, `${tag}/\uffff`);

export async function saveManifest(url: string, manifest: ListingManifest): Promise<void> {
  await (await database()).put('manifests', manifest, url);
}

export async function storedManifest(url: string): Promise<ListingManifest | undefined> {
  return (await database()).get('manifests', url);
}

export async function saveShard(shard: StoredShard): Promise<void> {
  await (await database()).put('shards', shard);
}

export async function storedShard(key: string): Promise<StoredShard | undefined> {
  return (await database()).get('shards', key);
}

/** Which of a catalog's shards are on the device (what a resumed sync need not fetch again). */
export async function storedShardKeys(tag: string): Promise<Set<string>> {
  return new Set(await (await database()).getAllKeys('shards', ofCatalog(tag)));
}

export async function saveDetails(details: StoredDetails): Promise<void> {
  await (await database()).put('details', details);
}

export async function storedDetails(key: string): Promise<StoredDetails | undefined> {
  return (await database()).get('details', key);
}

/**
 * Visits a catalog's records in `store` one at a time until `visit` returns true: the way to a card
 * by slug or id, or to a product opened before, offline without holding every record in memory.
 */
async function findIn<S extends 'shards' | 'details'>(
  store: S,
  tag: string,
  visit: (record: ListingSchema[S]['value']) => boolean,
): Promise<void> {
  const db = await database();
  for (const key of await db.getAllKeys(store, ofCatalog(tag))) {
    // One short transaction per record: the page stays responsive between them.
    const record = await db.get(store, key);
    if (record && visit(record)) return;
  }
}

export const findInShards = (tag: string, visit: (shard: StoredShard) => boolean) => findIn('shards', tag, visit);

/** A catalog's stored details buckets (products opened before), one at a time, until `visit` returns true. */
export const findInDetails = (tag: string, visit: (details: StoredDetails) => boolean) => findIn('details', tag, visit);

/** Removes the shards and details of every catalog but `tag` (a version the shop no longer shows). */
export async function forgetOtherCatalogs(tag: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(['shards', 'details'], 'readwrite');
  const below = IDBKeyRange.upperBound(`${tag}/`, true);
  const above = IDBKeyRange.lowerBound(`${tag}/\uffff`, true);
  await Promise.all([
    tx.objectStore('shards').delete(below),
    tx.objectStore('shards').delete(above),
    tx.objectStore('details').delete(below),
    tx.objectStore('details').delete(above),
    tx.done,
  ]);
}
