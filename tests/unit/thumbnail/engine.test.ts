import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_PIXELS,
  Thumbnailer,
  type RgbaImage,
  type ThumbnailOptions,
  type ThumbnailExports,
  type ThumbnailFilter,
} from '../../../src/wasm/thumbnail.js';
import { instanceOwnedBy } from '../../../src/wasm/loader.js';
import { THUMBNAIL_ENGINE_VERSION } from '../../../src/wasm/thumbnail-version.js';
import { compareImages, referenceResize } from './reference.js';
import { composite, gradient, makeImage, noise, stripes, transparentLogo, zonePlate } from './synthetic.js';

let engine: Thumbnailer;
beforeAll(async () => {
  engine = await Thumbnailer.load({ log: () => {} });
});

function expectMatchesReference(image: RgbaImage, options: ThumbnailOptions): RgbaImage {
  const ours = engine.resize(image, options);
  const plan = engine.plan(image.width, image.height, options);
  const reference = referenceResize(image, plan, options.filter ?? 'lanczos3');
  const agreement = compareImages(ours, reference);
  expect(
    agreement.withinOne,
    `PSNR ${agreement.psnr.toFixed(1)} dB, worst ${agreement.maxDifference}`,
  ).toBeGreaterThanOrEqual(0.999);
  return ours;
}

const pixelAt = (image: RgbaImage, x: number, y: number): number[] => [
  ...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4),
];

describe('thumbnail engine against the float64 reference', () => {
  const filters: ThumbnailFilter[] = ['lanczos3', 'lanczos2', 'triangle'];

  it.each(filters)('matches on a gradient with %s', (filter) => {
    expectMatchesReference(gradient(301, 199), { width: 64, filter });
  });

  it.each(filters)('matches on a zone plate with %s', (filter) => {
    expectMatchesReference(zonePlate(256), { width: 61, filter });
  });

  it('matches on noise, the hardest case for precision', () => {
    expectMatchesReference(noise(240, 160), { width: 77, height: 51, fit: 'cover' });
  });

  it.each([
    ['1 x N', 1, 500, { width: 1, height: 37 }, [1, 37]],
    ['N x 1', 500, 1, { width: 37, height: 1 }, [37, 1]],
    ['prime sides', 997, 13, { width: 101 }, [101, 1]],
    ['4000 to 7', 4000, 3, { width: 7 }, [7, 1]],
    ['3 x 4000 into a 3 x 7 box', 3, 4000, { width: 3, height: 7 }, [1, 7]],
    ['a non-integer scale', 509, 307, { width: 251, height: 149, fit: 'cover' }, [251, 149]],
    ['1 x 1', 1, 1, { width: 1 }, [1, 1]],
  ] as const)('matches for %s', (_name, width, height, box, size) => {
    const out = expectMatchesReference(gradient(width, height), box);
    expect([out.width, out.height]).toEqual(size);
  });
});

describe('thumbnail engine quality', () => {
  it('turns one-pixel black and white stripes into sRGB 188, not 128', () => {
    const out = expectMatchesReference(stripes(400, 40), { width: 100 });
    for (let x = 5; x < out.width - 5; x++) {
      const [r, g, b] = pixelAt(out, x, 5);
      expect(Math.abs(r! - 188)).toBeLessThanOrEqual(1);
      expect([g, b]).toEqual([r, r]);
    }
  });

  it('leaves no dark fringe around a transparent logo on a coloured background', () => {
    const logo = transparentLogo(200);
    const out = expectMatchesReference(logo, { width: 50 });
    const background: [number, number, number] = [230, 120, 20];
    const painted = composite(out, background);
    let edgePixels = 0;
    for (let i = 0; i < out.width * out.height; i++) {
      const alpha = out.data[i * 4 + 3]!;
      if (alpha > 0 && alpha < 255) edgePixels++;
      // Between white and the background, every channel must be at least the background's.
      for (let c = 0; c < 3; c++) expect(painted.data[i * 4 + c]!).toBeGreaterThanOrEqual(background[c]! - 1);
    }
    expect(edgePixels).toBeGreaterThan(20);
  });

  it('keeps a flat colour exactly', () => {
    const flat = makeImage(123, 77, () => [200, 30, 90, 255]);
    const out = engine.resize(flat, { width: 17 });
    for (let i = 0; i < out.width * out.height; i++)
      expect(pixelAt(out, i % out.width, Math.floor(i / out.width))).toEqual([200, 30, 90, 255]);
  });

  it('crops the centre for cover', () => {
    // Red bands far outside the centred square; the kernel must not reach them.
    const image = makeImage(300, 200, (x) => (x < 40 || x >= 260 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
    const out = engine.resize(image, { width: 100, height: 100, fit: 'cover' });
    expect([out.width, out.height]).toEqual([100, 100]);
    expect(pixelAt(out, 0, 50)).toEqual([0, 0, 255, 255]);
    expect(pixelAt(out, 99, 50)).toEqual([0, 0, 255, 255]);
  });
});

describe('thumbnail engine sizes and bad input', () => {
  it('never enlarges: a bigger request returns the source size in the requested shape', () => {
    expect(engine.plan(100, 80, { width: 400 })).toMatchObject({ width: 100, height: 80 });
    expect(engine.plan(100, 50, { width: 160, height: 160, fit: 'cover' })).toMatchObject({ width: 50, height: 50 });
    const out = engine.resize(gradient(100, 80), { width: 400 });
    expect([out.width, out.height]).toEqual([100, 80]);
  });

  it('refuses zero, negative, fractional and NaN sizes with a clear message', () => {
    const image = gradient(10, 10);
    expect(() => engine.resize(image, { width: 0 })).toThrow(/thumbnail width must be from 1/);
    expect(() => engine.resize(image, { width: -5 })).toThrow(/thumbnail width must be an integer/);
    expect(() => engine.resize(image, { width: 2.5 })).toThrow(/thumbnail width/);
    expect(() => engine.resize(image, { width: 5, height: Number.NaN })).toThrow(/thumbnail height/);
    expect(() => engine.resize({ width: 0, height: 3, data: new Uint8Array(0) }, { width: 1 })).toThrow(/empty/);
    expect(() => engine.resize({ width: 4, height: 4, data: new Uint8Array(10) }, { width: 1 })).toThrow(
      /expected 64 RGBA bytes/,
    );
  });

  it('refuses more than 50 megapixels before allocating anything', () => {
    const before = engine.memoryBytes;
    const huge = { width: 10_000, height: 5_001, data: new Uint8Array(0) };
    expect(() => engine.resize(huge, { width: 100 })).toThrow(/50\.0 megapixels; at most 50/);
    expect(engine.memoryBytes).toBe(before);
  });

  it('refuses an unknown filter', () => {
    // @ts-expect-error: a filter name from outside the type system (CLI, URL)
    expect(() => engine.resize(gradient(8, 8), { width: 4, filter: 'nearest' })).toThrow(/unknown filter "nearest"/);
  });

  it('keeps working after refusals and reuses its memory between calls', () => {
    const image = noise(300, 200);
    const first = engine.resize(image, { width: 90 });
    const memory = engine.memoryBytes;
    expect(() => engine.resize(image, { width: 0 })).toThrow();
    const again = engine.resize(image, { width: 90 });
    expect(again.data).toEqual(first.data);
    expect(engine.memoryBytes).toBe(memory);
  });

  it('answers bad geometry reaching the module itself with a status, never a trap', () => {
    const before = engine.memoryBytes;
    const prepare = (...args: number[]) =>
      instanceOwnedBy<ThumbnailExports>(engine).call('prepare', (e) =>
        e.prepare(...(args as Parameters<typeof e.prepare>)),
      );
    expect(prepare(0, 10, 5, 5, 0, 0, 0, 10, 0)).toBe(1); // empty image
    expect(prepare(-4, 10, 5, 5, 0, 0, 4, 10, 0)).toBe(1);
    expect(prepare(10_000, 10_000, 5, 5, 0, 0, 10_000, 10_000, 0)).toBe(2); // 100 MP
    expect(prepare(10, 10, 5, 5, Number.NaN, 0, 10, 10, 0)).toBe(3);
    expect(prepare(10, 10, 5, 5, 6, 0, 10, 10, 0)).toBe(3); // crop beyond the right edge
    expect(prepare(10, 10, 5, 5, 0, 0, 10, 10, 99)).toBe(4);
    // 1 x 50 000 000 down to one pixel: every row feeds it, which would need gigabytes of rows.
    expect(prepare(1, 50_000_000, 1, 1, 0, 0, 1, 50_000_000, 0)).toBe(5);
    expect(instanceOwnedBy<ThumbnailExports>(engine).call('run', (e) => e.run())).toBe(7); // nothing prepared
    expect(engine.memoryBytes).toBe(before);
    expect(() => engine.resize(gradient(8, 8), { width: 4 })).not.toThrow();
  });

  it('reports the engine version that page cache keys are built with', () => {
    expect(engine.engineVersion).toBe(THUMBNAIL_ENGINE_VERSION);
  });

  it('refuses at the same 50 megapixels in JavaScript as in the module', () => {
    expect(instanceOwnedBy<ThumbnailExports>(engine).exports.MAX_PIXELS.value).toBe(BigInt(MAX_PIXELS));
  });

  it('hands out a zero-copy view of the result inside resizeWith', () => {
    const seen = engine.resizeWith(gradient(64, 64), { width: 16 }, (pixels, plan) => ({
      buffer: pixels.buffer,
      plan,
    }));
    expect(seen.buffer).toBe(instanceOwnedBy<ThumbnailExports>(engine).exports.memory.buffer);
    expect(seen.plan).toMatchObject({ width: 16, height: 16 });
  });
});
