import { getThumbnail, nearestThumbnail, putThumbnail, type ThumbnailId } from '../storage/thumbnail-store.js';
import { THUMBNAIL_ENGINE_VERSION } from '../wasm/thumbnail-version.js';
import {
  ThumbnailJobError,
  thumbnailPool,
  type ThumbnailRequest,
  type ThumbnailResult,
} from '../workers/thumbnail-pool.js';
import { resampleSource, targetHeight } from './thumbnail-size.js';

/** One picture wanted: an original image at a width in device pixels. */
export interface PictureRequest {
  /** URL of the original image. */
  src: string;
  /** Device pixels wide. */
  width: number;
  /** The original's size; 0 when unknown (resized by width alone). */
  originalWidth: number;
  originalHeight: number;
  /** Above the fold: let the browser load a shipped size itself through `srcset`. */
  native?: boolean;
}

/** What to show: a thumbnail, the browser's own load of a shipped size, or a placeholder. */
export type Picture = { kind: 'blob'; blob: Blob } | { kind: 'native' } | { kind: 'failed'; error: unknown };

/** Where thumbnails are kept (IndexedDB in the app). */
export interface ThumbnailCache {
  get(id: ThumbnailId): Promise<Blob | undefined>;
  nearest(src: string, width: number, engine: number): Promise<Blob | undefined>;
  put(id: ThumbnailId, blob: Blob): Promise<void>;
}

/** Where thumbnails are made (the WASM worker pool in the app). */
export interface ThumbnailMaker {
  thumbnail(request: ThumbnailRequest, signal?: AbortSignal): Promise<ThumbnailResult>;
}

const idbCache: ThumbnailCache = { get: getThumbnail, nearest: nearestThumbnail, put: putThumbnail };
const pagePool: ThumbnailMaker = { thumbnail: (request, signal) => thumbnailPool().thumbnail(request, signal) };

const knownSize = (r: PictureRequest): boolean => r.originalWidth > 0 && r.originalHeight > 0;

/** Cache key; an original of unknown size is resized by width alone (height 0: its own ratio). */
export function thumbnailId(request: PictureRequest): ThumbnailId {
  const known = knownSize(request);
  return {
    src: request.src,
    width: request.width,
    height: known ? targetHeight(request.width, request.originalWidth, request.originalHeight) : 0,
    fit: known ? 'cover' : 'contain',
    engine: THUMBNAIL_ENGINE_VERSION,
  };
}

/**
 * Finds the picture for a product image, in order: the browser's `srcset` (above the fold), the
 * thumbnail cache, a thumbnail made from the smallest shipped size big enough, one made from the
 * original, any cached size of the same image (offline), and else a placeholder. Made thumbnails
 * are cached. No DOM: runs in Node with an in-memory cache and maker.
 */
export class ThumbnailSource {
  constructor(
    readonly cache: ThumbnailCache = idbCache,
    readonly maker: ThumbnailMaker = pagePool,
  ) {}

  /** The picture for `request`; undefined once `signal` is aborted (a newer request took over). */
  async picture(request: PictureRequest, signal: AbortSignal): Promise<Picture | undefined> {
    if (request.native) return { kind: 'native' };
    const id = thumbnailId(request);
    const cached = await this.cache.get(id).catch(() => undefined);
    if (signal.aborted) return undefined;
    if (cached) return { kind: 'blob', blob: cached };
    try {
      const source = knownSize(request)
        ? resampleSource(request.src, request.originalWidth, request.width)
        : request.src;
      const made = await this.make(id, source, signal);
      return signal.aborted ? undefined : { kind: 'blob', blob: made };
    } catch (error) {
      if (signal.aborted) return undefined;
      // Offline or no shipped thumbnail: any stored size of this image beats none.
      const nearby = await this.cache
        .nearest(request.src, request.width, THUMBNAIL_ENGINE_VERSION)
        .catch(() => undefined);
      if (signal.aborted) return undefined;
      if (nearby) return { kind: 'blob', blob: nearby };
      // No workers here (or they cannot start): let the browser load a shipped size itself.
      if (error instanceof ThumbnailJobError && error.kind === 'worker') return { kind: 'native' };
      return { kind: 'failed', error };
    }
  }

  /** After the browser loaded `loadedUrl` itself, keeps a thumbnail of it for offline use. */
  async keepCopy(request: PictureRequest, loadedUrl: string): Promise<void> {
    const id = thumbnailId(request);
    const cached = await this.cache.get(id);
    if (!cached) await this.make(id, loadedUrl || request.src);
  }

  /** Resamples and caches; falls back to the original when `source` does not decode. */
  async make(id: ThumbnailId, source: string, signal?: AbortSignal): Promise<Blob> {
    const job = id.height > 0 ? { width: id.width, height: id.height, fit: 'cover' as const } : { width: id.width };
    const result = await this.maker.thumbnail({ url: source, ...job }, signal).catch((error: unknown) => {
      if (source === id.src || !(error instanceof ThumbnailJobError) || error.kind !== 'decode') throw error;
      return this.maker.thumbnail({ url: id.src, ...job }, signal);
    });
    this.cache.put(id, result.blob).catch((error: unknown) => console.warn('shop-image: thumbnail not cached', error));
    return result.blob;
  }
}
