import { describe, expect, it } from 'vitest';
import type { ThumbnailId } from '../../../src/storage/thumbnail-store.js';
import {
  ThumbnailSource,
  thumbnailId,
  type PictureRequest,
  type ThumbnailCache,
  type ThumbnailMaker,
} from '../../../src/services/thumbnail-source.js';
import { ThumbnailJobError, type ThumbnailRequest } from '../../../src/workers/thumbnail-pool.js';

const SRC = '/data/images/p00001-1.jpg';
const request: PictureRequest = { src: SRC, width: 280, originalWidth: 1200, originalHeight: 900 };

/** A cache in a Map; `nearest` answers with any stored size of the same image. */
function memoryCache(): ThumbnailCache & { stored: Map<string, Blob> } {
  const stored = new Map<string, Blob>();
  const key = (id: ThumbnailId) => `${id.src}|${id.width}x${id.height}|${id.fit}|${id.engine}`;
  return {
    stored,
    get: async (id) => stored.get(key(id)),
    nearest: async (src) => [...stored].find(([k]) => k.startsWith(`${src}|`))?.[1],
    put: async (id, blob) => void stored.set(key(id), blob),
  };
}

/** Makes a thumbnail naming the URL it was made from, or fails the way `fail` says for a URL. */
function maker(fail: (url: string) => ThumbnailJobError | undefined = () => undefined): ThumbnailMaker & {
  urls: string[];
} {
  const urls: string[] = [];
  return {
    urls,
    thumbnail: async (job: ThumbnailRequest) => {
      urls.push(job.url);
      const error = fail(job.url);
      if (error) throw error;
      const blob = new Blob([`${job.url} at ${job.width}x${job.height ?? 0}`]);
      return { blob, width: job.width ?? 0, height: job.height ?? 0, sourceWidth: 0, sourceHeight: 0, engine: 1 };
    },
  };
}

const text = async (picture: Awaited<ReturnType<ThumbnailSource['picture']>>) =>
  picture?.kind === 'blob' ? picture.blob.text() : picture?.kind;
const live = () => new AbortController().signal;

describe('the thumbnail source', () => {
  it('resamples the smallest shipped size big enough and keeps the result', async () => {
    const cache = memoryCache();
    const source = new ThumbnailSource(cache, maker());
    expect(await text(await source.picture(request, live()))).toBe('/data/thumbs/p00001-1-320.webp at 280x210');
    await expect.poll(() => cache.stored.size).toBe(1);
    // the second time it comes from the cache, whatever the workers would say
    const offline = new ThumbnailSource(
      cache,
      maker(() => new ThumbnailJobError('engine', 'down')),
    );
    expect(await text(await offline.picture(request, live()))).toBe('/data/thumbs/p00001-1-320.webp at 280x210');
  });

  it('falls back to the original when the shipped size does not decode', async () => {
    const make = maker((url) => (url.includes('/thumbs/') ? new ThumbnailJobError('decode', 'broken') : undefined));
    const picture = await new ThumbnailSource(memoryCache(), make).picture(request, live());
    expect(await text(picture)).toBe(`${SRC} at 280x210`);
    expect(make.urls).toEqual(['/data/thumbs/p00001-1-320.webp', SRC]);
  });

  it('offline, shows a cached thumbnail of another size rather than nothing', async () => {
    const cache = memoryCache();
    await cache.put(thumbnailId({ ...request, width: 160 }), new Blob(['small one']));
    const offline = maker(() => new ThumbnailJobError('engine', 'fetch failed'));
    expect(await text(await new ThumbnailSource(cache, offline).picture(request, live()))).toBe('small one');
  });

  it('lets the browser load it when no worker can start, and shows a placeholder for a broken image', async () => {
    const noWorkers = maker(() => new ThumbnailJobError('worker', 'no worker here'));
    expect(await text(await new ThumbnailSource(memoryCache(), noWorkers).picture(request, live()))).toBe('native');
    const broken = maker(() => new ThumbnailJobError('decode', 'not an image'));
    expect(await text(await new ThumbnailSource(memoryCache(), broken).picture(request, live()))).toBe('failed');
  });

  it('leaves above-the-fold images to the browser and answers nothing to an overtaken request', async () => {
    const source = new ThumbnailSource(memoryCache(), maker());
    expect(await text(await source.picture({ ...request, native: true }, live()))).toBe('native');
    const overtaken = new AbortController();
    const pending = source.picture(request, overtaken.signal);
    overtaken.abort();
    expect(await pending).toBeUndefined();
  });

  it('keeps an offline copy of what the browser loaded itself', async () => {
    const cache = memoryCache();
    const make = maker();
    const source = new ThumbnailSource(cache, make);
    await source.keepCopy(request, 'http://shop/data/thumbs/p00001-1-320.webp');
    await source.keepCopy(request, 'http://shop/data/thumbs/p00001-1-320.webp');
    expect(make.urls).toEqual(['http://shop/data/thumbs/p00001-1-320.webp']);
    expect(cache.stored.size).toBe(1);
  });
});
