import type { Page } from 'playwright-core';

/** One thing the origin keeps on the device, as text, and where it is kept. */
export interface DeviceEntry {
  /** `cache <name>`, `indexedDB <database>/<store>`, `localStorage` or `sessionStorage`. */
  where: string;
  /** The request URL (caches) or the key (IndexedDB, Web Storage). */
  key: string;
  text: string;
}

/**
 * Everything the page's origin keeps on the device: every Cache Storage entry (URL and body), every
 * record of every object store of every IndexedDB database, and both Web Storages. Binary values
 * (images, thumbnails) count as empty text: they hold no typed-in data.
 */
export const deviceData = (page: Page): Promise<DeviceEntry[]> =>
  page.evaluate(async () => {
    const entries: DeviceEntry[] = [];
    const asText = (value: unknown) =>
      typeof value === 'string'
        ? value
        : JSON.stringify(value, (_k, v: unknown) => (v instanceof Blob || ArrayBuffer.isView(v) ? '' : v));
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const text = response ? new TextDecoder().decode(await response.arrayBuffer()) : '';
        entries.push({ where: `cache ${name}`, key: request.url, text });
      }
    }
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error ?? new Error(`cannot open ${name}`));
      });
      for (const store of [...db.objectStoreNames]) {
        const read = <T>(request: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error ?? new Error(`cannot read ${name}/${store}`));
          });
        const tx = db.transaction(store);
        const [keys, values] = await Promise.all([
          read(tx.objectStore(store).getAllKeys()),
          read(tx.objectStore(store).getAll()),
        ]);
        keys.forEach((key, i) =>
          entries.push({ where: `indexedDB ${name}/${store}`, key: asText(key), text: asText(values[i]) }),
        );
      }
      db.close();
    }
    for (const [where, storage] of [
      ['localStorage', localStorage],
      ['sessionStorage', sessionStorage],
    ] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        entries.push({ where, key, text: storage.getItem(key) ?? '' });
      }
    }
    return entries;
  });

/** `value in where key` for each of `values` found in an entry's key or text. */
export const found = (entries: readonly DeviceEntry[], values: readonly string[]): string[] =>
  entries.flatMap((e) =>
    values.filter((v) => e.key.includes(v) || e.text.includes(v)).map((v) => `${v} in ${e.where} ${e.key}`),
  );
