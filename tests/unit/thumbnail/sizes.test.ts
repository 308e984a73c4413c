import { describe, expect, it } from 'vitest';
import { resampleSource, shippedSrcset, targetHeight, targetWidth } from '../../../src/services/thumbnail-size.js';
import { shippedThumbPath } from '../../../src/wasm/thumbnail-ladder.js';

describe('thumbnail sizes for <shop-image>', () => {
  it('asks for the rendered width in device pixels, in 40 px steps, never above the original', () => {
    expect(targetWidth(200, 1, 1600)).toBe(200);
    expect(targetWidth(201, 1, 1600)).toBe(240);
    expect(targetWidth(180, 2.625, 1600)).toBe(480); // 472.5 device pixels on a typical phone
    expect(targetWidth(900, 3, 1600)).toBe(1600);
    expect(targetWidth(100, 0, 1600)).toBe(120); // an unknown ratio counts as 1
  });

  it('follows the original aspect ratio for the height', () => {
    expect(targetHeight(240, 1600, 1200)).toBe(180);
    expect(targetHeight(1, 1600, 1200)).toBe(1);
  });

  it('resamples from the smallest shipped thumbnail that is wide enough, else the original', () => {
    const src = '/data/images/p00007-2.jpg';
    expect(resampleSource(src, 1600, 240)).toBe('/data/thumbs/p00007-2-320.webp');
    expect(resampleSource(src, 1600, 320)).toBe('/data/thumbs/p00007-2-320.webp');
    expect(resampleSource(src, 1600, 1200)).toBe(src);
    expect(resampleSource('blob:http://x/123', 1600, 100)).toBe('blob:http://x/123');
  });

  it('lists shipped sizes narrower than the original, then the original', () => {
    expect(shippedSrcset('/data/images/a.jpg', 700)).toBe(
      '/data/thumbs/a-160.webp 160w, /data/thumbs/a-320.webp 320w, /data/thumbs/a-640.webp 640w, /data/images/a.jpg 700w',
    );
    expect(shippedThumbPath('images/a.b.png', 160)).toBe('thumbs/a.b-160.webp');
  });
});
