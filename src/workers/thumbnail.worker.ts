/// <reference lib="webworker" />
/**
 * One thumbnail worker: decodes with the browser (createImageBitmap + OffscreenCanvas), resamples
 * with Laden's WASM engine and encodes with OffscreenCanvas.convertToBlob. One job at a time, so
 * the engine's memory is reused from job to job.
 */
import { MAX_PIXELS, Thumbnailer } from '../wasm/thumbnail.js';
import { declaredSize, HEADER_BYTES } from './image-header.js';
import type { ThumbnailFailure, ThumbnailJob, ThumbnailReply } from './thumbnail-pool.js';

declare const self: DedicatedWorkerGlobalScope;

let engine: Promise<Thumbnailer> | undefined;
/** WASM memory never shrinks; after a job this large the instance is dropped to give it back. */
const KEEP_MEMORY_BYTES = 96 * 1024 * 1024;

class DecodeError extends Error {}
/** The engine itself could not be loaded here (offline before it was cached, no WebAssembly). */
class UnavailableError extends Error {}

async function sourceBlob(job: ThumbnailJob): Promise<Blob> {
  if (job.bytes) return new Blob([job.bytes]);
  const response = await fetch(job.url, { credentials: 'same-origin' }).catch((error: unknown) => {
    throw new DecodeError(`${job.url}: cannot load (${error instanceof Error ? error.message : String(error)})`);
  });
  if (!response.ok) throw new DecodeError(`${job.url}: HTTP ${response.status}`);
  return response.blob();
}

/** Decoded, non-premultiplied sRGB pixels. */
async function decode(job: ThumbnailJob): Promise<ImageData> {
  const source = await sourceBlob(job);
  // Refused from its header, before the decoder allocates width x height x 4 bytes for it.
  const declared = declaredSize(new Uint8Array(await source.slice(0, HEADER_BYTES).arrayBuffer()));
  if (declared && declared.width * declared.height > MAX_PIXELS) {
    throw new DecodeError(
      `${job.url}: the ${declared.format.toUpperCase()} header declares ${declared.width} x ${declared.height} pixels, more than 50 megapixels`,
    );
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(source, {
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'default',
    });
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError(
      `${job.url}: not a decodable image (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    if (bitmap.width * bitmap.height > MAX_PIXELS) throw new DecodeError(`${job.url}: more than 50 megapixels`);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new DecodeError('no 2D canvas in this worker');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height, { colorSpace: 'srgb' });
  } finally {
    bitmap.close();
  }
}

async function run(job: ThumbnailJob): Promise<ThumbnailReply> {
  engine ??= Thumbnailer.load().catch((error: unknown) => {
    engine = undefined; // the next job tries again
    throw new UnavailableError(
      `thumbnail engine unavailable: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const [thumbnailer, pixels] = await Promise.all([engine, decode(job)]);
  const options = { width: job.width, height: job.height, fit: job.fit, filter: job.filter };
  // putImageData copies straight out of WASM memory: no intermediate JS copy of the result.
  const canvas = thumbnailer.resizeWith(pixels, options, (view, plan) => {
    const out = new OffscreenCanvas(plan.width, plan.height);
    const { buffer } = view;
    // The engine's memory is not shared, so ImageData may wrap it directly.
    if (!(buffer instanceof ArrayBuffer))
      throw new Error('thumbnail engine memory is shared; expected a plain ArrayBuffer');
    const image = new ImageData(new Uint8ClampedArray(buffer, view.byteOffset, view.length), plan.width, plan.height);
    out.getContext('2d')!.putImageData(image, 0, 0);
    return out;
  });
  if (thumbnailer.memoryBytes > KEEP_MEMORY_BYTES) engine = undefined;
  // Browsers without a WebP encoder answer with PNG; blob.type says which.
  const blob = await canvas.convertToBlob({ type: job.type, quality: job.quality });
  return {
    id: job.id,
    ok: true,
    blob,
    width: canvas.width,
    height: canvas.height,
    sourceWidth: pixels.width,
    sourceHeight: pixels.height,
    engine: thumbnailer.engineVersion,
  };
}

self.addEventListener('message', (event: MessageEvent<ThumbnailJob>) => {
  const job = event.data;
  run(job).then(
    (reply) => self.postMessage(reply),
    (error: unknown) => {
      const failure: ThumbnailFailure = {
        id: job.id,
        ok: false,
        kind: error instanceof DecodeError ? 'decode' : error instanceof UnavailableError ? 'worker' : 'engine',
        message: error instanceof Error ? error.message : String(error),
      };
      self.postMessage(failure);
    },
  );
});
