import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { declaredSize } from '../../../src/workers/image-header.js';

const image = (width: number, height: number, alpha = false) =>
  sharp({ create: { width, height, channels: alpha ? 4 : 3, background: { r: 200, g: 80, b: 20, alpha: 0.5 } } });

describe('declaredSize: the pixel size from an image header, without decoding', () => {
  it.each([
    ['png', () => image(37, 23).png().toBuffer()],
    ['gif', () => image(37, 23).gif().toBuffer()],
    ['jpeg', () => image(37, 23).jpeg().toBuffer()],
    ['jpeg', () => image(37, 23).jpeg({ progressive: true }).withMetadata().toBuffer()],
    ['webp', () => image(37, 23).webp().toBuffer()],
    ['webp', () => image(37, 23).webp({ lossless: true }).toBuffer()],
    ['webp', () => image(37, 23, true).webp().toBuffer()],
  ] as const)('reads %s', async (format, encode) => {
    expect(declaredSize(new Uint8Array(await encode()))).toEqual({ format, width: 37, height: 23 });
  });

  it('reads 30,000 x 30,000 from a PNG header alone', async () => {
    const png = new Uint8Array(await image(2, 2).png().toBuffer());
    const view = new DataView(png.buffer, png.byteOffset);
    view.setUint32(16, 30_000);
    view.setUint32(20, 30_000);
    expect(declaredSize(png.subarray(0, 33))).toEqual({ format: 'png', width: 30_000, height: 30_000 });
  });

  it('knows nothing of unknown or cut-short data', () => {
    expect(declaredSize(new Uint8Array(0))).toBeUndefined();
    expect(declaredSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(declaredSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(declaredSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBeUndefined();
  });
});
