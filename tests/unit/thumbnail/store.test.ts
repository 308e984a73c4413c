import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  closeThumbnailStore,
  getThumbnail,
  nearestThumbnail,
  putThumbnail,
  setPinnedImages,
  storedThumbnailBytes,
  type ThumbnailId,
} from '../../../src/storage/thumbnail-store.js';

const id = (src: string, width = 100, engine = 1): ThumbnailId => ({
  src,
  width,
  height: width,
  fit: 'contain',
  engine,
});
const blobOf = (size: number, fill = 7) => new Blob([new Uint8Array(size).fill(fill)], { type: 'image/webp' });

let clock = 1_000;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.spyOn(Date, 'now').mockImplementation(() => ++clock);
});
afterEach(async () => {
  await closeThumbnailStore();
  vi.restoreAllMocks();
});

describe('thumbnail store', () => {
  it('returns a stored thumbnail with its type, and nothing for another size or engine', async () => {
    await putThumbnail(id('/a.jpg'), blobOf(10, 42));
    const back = await getThumbnail(id('/a.jpg'));
    expect(back?.type).toBe('image/webp');
    expect([...new Uint8Array(await back!.arrayBuffer())]).toEqual(new Array(10).fill(42));
    expect(await getThumbnail(id('/a.jpg', 200))).toBeUndefined();
    expect(await getThumbnail(id('/a.jpg', 100, 2))).toBeUndefined();
  });

  it('evicts the least recently used thumbnails beyond the budget', async () => {
    await putThumbnail(id('/a.jpg'), blobOf(1000), 2500);
    await putThumbnail(id('/b.jpg'), blobOf(1000), 2500);
    await getThumbnail(id('/a.jpg')); // a is now fresher than b
    await putThumbnail(id('/c.jpg'), blobOf(1000), 2500);
    expect(await getThumbnail(id('/b.jpg'))).toBeUndefined();
    expect(await getThumbnail(id('/a.jpg'))).toBeDefined();
    expect(await getThumbnail(id('/c.jpg'))).toBeDefined();
    expect(await storedThumbnailBytes()).toBe(2000);
  });

  it('keeps thumbnails of pinned images (cart, recently viewed) through eviction', async () => {
    await putThumbnail(id('/cart.jpg'), blobOf(1000), 2500);
    await setPinnedImages(['/cart.jpg']);
    for (const name of ['/x.jpg', '/y.jpg', '/z.jpg']) await putThumbnail(id(name), blobOf(1000), 2500);
    expect(await getThumbnail(id('/cart.jpg'))).toBeDefined();
    expect(await getThumbnail(id('/x.jpg'))).toBeUndefined();
    await setPinnedImages([]);
    await putThumbnail(id('/w.jpg'), blobOf(1000), 2500);
    expect(await storedThumbnailBytes()).toBeLessThanOrEqual(2500);
  });

  it('offers the nearest stored size of the current engine when the exact one is missing', async () => {
    await putThumbnail(id('/a.jpg', 160), blobOf(1, 1));
    await putThumbnail(id('/a.jpg', 320), blobOf(1, 2));
    await putThumbnail(id('/a.jpg', 640, 0), blobOf(1, 3));
    const bytesOf = async (b: Blob | undefined) => new Uint8Array(await b!.arrayBuffer())[0];
    expect(await bytesOf(await nearestThumbnail('/a.jpg', 200, 1))).toBe(2);
    expect(await bytesOf(await nearestThumbnail('/a.jpg', 900, 1))).toBe(2);
    expect(await bytesOf(await nearestThumbnail('/a.jpg', 100, 1))).toBe(1);
    expect(await nearestThumbnail('/other.jpg', 100, 1)).toBeUndefined();
  });

  it('counts a rewritten thumbnail once, so rewriting it evicts nothing else', async () => {
    await putThumbnail(id('/small.jpg'), blobOf(300), 1_000);
    for (let i = 0; i < 5; i++) await putThumbnail(id('/big.jpg'), blobOf(600), 1_000);
    expect(await getThumbnail(id('/small.jpg'))).toBeDefined();
    expect(await storedThumbnailBytes()).toBe(900);
  });
});
