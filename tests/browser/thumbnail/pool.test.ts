import { afterEach, describe, expect, it } from 'vitest';
import { THUMBNAIL_ENGINE_VERSION } from '../../../src/wasm/thumbnail-version.js';
import { ThumbnailJobError, ThumbnailPool, defaultPoolSize } from '../../../src/workers/thumbnail-pool.js';
import { encodedImage, gradientPng, pixelsOf, stripesPng } from './fixtures.js';

const urls: string[] = [];
const urlOf = (blob: Blob) => {
  const url = URL.createObjectURL(blob);
  urls.push(url);
  return url;
};
let pool: ThumbnailPool | undefined;

/** CRC-32 of a PNG chunk's type and data, as its trailer carries it. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

/** A real 2 x 2 PNG whose IHDR (CRC fixed) declares another size: a decoder believes the header. */
async function declaring(width: number, height: number): Promise<Blob> {
  const png = new Uint8Array(await (await stripesPng(2, 2)).arrayBuffer());
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  view.setUint32(29, crc32(png.subarray(12, 29)));
  return new Blob([png], { type: 'image/png' });
}
afterEach(() => {
  pool?.terminate();
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

describe('thumbnail worker pool in Chromium', () => {
  it('makes a thumbnail in a worker with the WASM engine, in linear light', async () => {
    pool = new ThumbnailPool(1);
    const result = await pool.thumbnail({ url: urlOf(await stripesPng(400, 40)), width: 100, type: 'image/png' });
    expect([result.width, result.height, result.sourceWidth, result.engine]).toEqual([
      100,
      10,
      400,
      THUMBNAIL_ENGINE_VERSION,
    ]);
    expect(result.blob.type).toBe('image/png');
    const pixels = await pixelsOf(result.blob);
    expect(Math.abs(pixels.data[(5 * 100 + 50) * 4]! - 188)).toBeLessThanOrEqual(1);
  });

  it('leaves no dark fringe around a transparent logo decoded by the browser', async () => {
    pool = new ThumbnailPool(1);
    const size = 200;
    const logo = await encodedImage(size, size, (x, y) =>
      Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) < size * 0.35 ? [255, 255, 255, 255] : [0, 0, 0, 0],
    );
    const result = await pool.thumbnail({ url: urlOf(logo), width: 50, type: 'image/png' });
    const { data } = await pixelsOf(result.blob);
    let edge = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! === 0) continue;
      if (data[i + 3]! < 255) edge++;
      // Semi-transparent edge pixels keep the logo's white; black would mean a fringe.
      expect(Math.min(data[i]!, data[i + 1]!, data[i + 2]!)).toBeGreaterThanOrEqual(250);
    }
    expect(edge).toBeGreaterThan(20);
  });

  it('encodes WebP by default', async () => {
    pool = new ThumbnailPool(1);
    const result = await pool.thumbnail({ url: urlOf(await gradientPng(300, 200)), width: 60 });
    expect(result.blob.type).toBe('image/webp');
    expect((await pixelsOf(result.blob)).width).toBe(60);
  });

  it('transfers the source bytes to the worker instead of copying them', async () => {
    pool = new ThumbnailPool(1);
    const bytes = await (await gradientPng(120, 80)).arrayBuffer();
    const done = pool.thumbnail({ url: 'gradient.png', bytes, width: 30, height: 30, fit: 'cover' });
    expect(bytes.byteLength).toBe(0); // detached: now owned by the worker
    expect(await done).toMatchObject({ width: 30, height: 30 });
  });

  it('spreads jobs over at most its size of workers and finishes them all', async () => {
    pool = new ThumbnailPool(defaultPoolSize());
    const url = urlOf(await gradientPng(640, 480));
    const widths = [40, 60, 80, 100, 120, 140];
    const results = await Promise.all(widths.map((width) => pool!.thumbnail({ url, width, type: 'image/png' })));
    expect(results.map((r) => r.width)).toEqual(widths);
    expect(pool.workerCount).toBeLessThanOrEqual(Math.max(1, Math.min(4, navigator.hardwareConcurrency - 1)));
  });

  it('drops a queued job whose signal is aborted and runs the rest', async () => {
    pool = new ThumbnailPool(1);
    const url = urlOf(await gradientPng(400, 300));
    const first = pool.thumbnail({ url, width: 100 });
    const controller = new AbortController();
    const dropped = pool.thumbnail({ url, width: 90 }, controller.signal);
    const last = pool.thumbnail({ url, width: 80 });
    controller.abort(new DOMException('scrolled away', 'AbortError'));
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    expect((await first).width).toBe(100);
    expect((await last).width).toBe(80);
  });

  it('reports an undecodable image as a decode failure and keeps working', async () => {
    pool = new ThumbnailPool(1);
    const garbage = new TextEncoder().encode('this is not an image').buffer;
    const failed = pool.thumbnail({ url: 'broken.jpg', bytes: garbage, width: 10 });
    await expect(failed).rejects.toBeInstanceOf(ThumbnailJobError);
    await expect(failed).rejects.toMatchObject({ kind: 'decode' });
    await expect(pool.thumbnail({ url: urlOf(await gradientPng(50, 50)), width: 10 })).resolves.toMatchObject({
      width: 10,
    });
  });

  it('refuses a zero width with a clear message instead of trapping', async () => {
    pool = new ThumbnailPool(1);
    const failed = pool.thumbnail({ url: urlOf(await gradientPng(50, 50)), width: 0 });
    await expect(failed).rejects.toThrow(/thumbnail width must be from 1/);
  });
  it('refuses an image over the pixel limit from its header, before decoding it', async () => {
    pool = new ThumbnailPool(1);
    const header = await declaring(30_000, 30_000);
    const failed = pool.thumbnail({ url: urlOf(header), width: 100, type: 'image/png' });
    await expect(failed).rejects.toMatchObject({
      kind: 'decode',
      message: expect.stringContaining('the PNG header declares 30000 x 30000 pixels, more than 50 megapixels'),
    });
    // The same file at a size within the limit goes on to the decoder, which fails on its data.
    const small = pool.thumbnail({ url: urlOf(await declaring(3_000, 3_000)), width: 100, type: 'image/png' });
    await expect(small).rejects.toMatchObject({ kind: 'decode', message: expect.stringContaining('not a decodable') });
    // And the worker goes on working.
    const result = await pool.thumbnail({ url: urlOf(await stripesPng(40, 4)), width: 10, type: 'image/png' });
    expect([result.width, result.height]).toEqual([10, 1]);
  });
});
