/**
 * The peers of Laden's thumbnail engine, each wrapped as "RGBA bytes in, RGBA bytes out" for one
 * job, one thread. Cover crops happen inside the timed call wherever a peer has no crop of its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import Pica from 'pica';
import { FastResizeFilter, ResizeFit, Transformer } from '@napi-rs/image';
import { initSync, resize as squooshResize } from '@jsquash/resize/lib/resize/pkg/squoosh_resize.js';
import type { RgbaImage } from '../../src/wasm/thumbnail.js';

export interface Job {
  width: number;
  height: number;
  fit: 'contain' | 'cover';
}

export type Resizer = (image: RgbaImage, job: Job) => Promise<Uint8Array> | Uint8Array;

/** The centred crop with the job's aspect ratio, copied out (what a peer without crop must do). */
function cropToAspect(image: RgbaImage, job: Job): RgbaImage {
  const scale = Math.max(job.width / image.width, job.height / image.height);
  const width = Math.round(job.width / scale);
  const height = Math.round(job.height / scale);
  if (width === image.width && height === image.height) return image;
  const x = Math.round((image.width - width) / 2);
  const y = Math.round((image.height - height) / 2);
  const data = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 4;
    data.set(image.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data };
}

export function squoosh(): Resizer {
  const require = createRequire(import.meta.url);
  initSync(readFileSync(require.resolve('@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm')));
  const LANCZOS3 = 3;
  return (image, job) => {
    const source = cropToAspect(image, job);
    const data = source.data instanceof Uint8Array ? source.data : new Uint8Array(source.data.buffer);
    // premultiply + linearRGB: the gamma-correct configuration.
    const out = squooshResize(data, source.width, source.height, job.width, job.height, LANCZOS3, true, true);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
}

export function pica(): Resizer {
  const resizer = new Pica({ features: ['js', 'wasm'] });
  return async (image, job) => {
    const source = cropToAspect(image, job);
    return resizer.resizeBuffer({
      src: source.data instanceof Uint8Array ? source.data : new Uint8Array(source.data.buffer),
      width: source.width,
      height: source.height,
      toWidth: job.width,
      toHeight: job.height,
      quality: 3, // Lanczos3
    });
  };
}

export function sharpResizer(): Resizer {
  sharp.concurrency(1);
  sharp.cache(false);
  return async (image, job) =>
    sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
      .resize(job.width, job.height, { kernel: 'lanczos3', fit: job.fit === 'cover' ? 'cover' : 'fill' })
      .raw()
      .toBuffer();
}

export function fastImageResize(): Resizer {
  return (image, job) =>
    Transformer.fromRgbaPixels(image.data, image.width, image.height)
      .fastResize({
        width: job.width,
        height: job.height,
        filter: FastResizeFilter.Lanczos3,
        fit: job.fit === 'cover' ? ResizeFit.Cover : ResizeFit.Fill,
      })
      .rawPixelsSync();
}
