import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Thumbnailer, type RgbaImage, type ThumbnailOptions } from '../../../src/wasm/thumbnail.js';
import { compareImages, referenceResize } from './reference.js';
import { gradient, noise, zonePlate } from './synthetic.js';

// The engine takes different passes for the same job depending on the pixels and the geometry:
// opaque rows with windows of up to 160 taps go through the fixed-point pass (assembly/thumbnail/
// fixed.ts), other rows through the f32 planes, and a repeated job keeps its weight tables. Each
// path must give the reference's pixels, and the paths must agree with each other.

let engine: Thumbnailer;
beforeAll(async () => {
  engine = await Thumbnailer.load({ log: () => {} });
});

function withAlpha(image: RgbaImage, alpha: (x: number, y: number) => number): RgbaImage {
  const data = Uint8Array.from(image.data);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) data[(y * image.width + x) * 4 + 3] = alpha(x, y);
  }
  return { width: image.width, height: image.height, data };
}

/** Within one level of the reference; `floorDb` too where the output has pixels enough for a PSNR. */
function expectNearReference(image: RgbaImage, options: ThumbnailOptions, floorDb = 0): RgbaImage {
  const ours = engine.resize(image, options);
  const plan = engine.plan(image.width, image.height, options);
  const agreement = compareImages(ours, referenceResize(image, plan, options.filter ?? 'lanczos3'));
  expect(
    ours.width * ours.height * (1 - agreement.withinOne),
    `PSNR ${agreement.psnr.toFixed(1)} dB`,
  ).toBeLessThanOrEqual(Math.max(1, ours.width * ours.height * 0.001));
  expect(agreement.psnr).toBeGreaterThanOrEqual(floorDb);
  return ours;
}

describe('thumbnail engine passes', () => {
  it('opaque rows at any geometry stay within one level of the reference (fixed-point pass)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 0, max: 1000 }),
        (width, height, boxWidth, seed) => {
          expectNearReference(
            withAlpha(noise(width, height, seed), () => 255),
            { width: boxWidth, height: boxWidth, fit: 'cover' },
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('mixes opaque and see-through rows in one image, both within one level of the reference', () => {
    const image = withAlpha(noise(300, 120, 7), (x, y) => (y % 3 === 0 && x === 150 ? 90 : 255));
    expectNearReference(image, { width: 70 }, 65);
    expectNearReference(zonePlate(512), { width: 61 }, 65);
  });

  it('gives the same pixels through the fixed-point pass as through the f32 pass', () => {
    const opaque = withAlpha(noise(400, 60, 3), () => 255);
    // One nearly opaque pixel at the right end of every row sends every row through the f32 pass;
    // outputs whose windows end left of it must not change by more than one level.
    const f32 = withAlpha(opaque, (x) => (x === 399 ? 254 : 255));
    const a = engine.resize(opaque, { width: 100 });
    const b = engine.resize(f32, { width: 100 });
    let compared = 0;
    for (let y = 0; y < 15; y++) {
      for (let x = 0; x < 90; x++) {
        for (let c = 0; c < 4; c++) {
          const at = (y * 100 + x) * 4 + c;
          expect(Math.abs(a.data[at]! - b.data[at]!), `pixel ${x},${y} channel ${c}`).toBeLessThanOrEqual(1);
          compared++;
        }
      }
    }
    expect(compared).toBe(15 * 90 * 4);
  });

  it('keeps exact results for windows too wide for fixed point (f32 pass on opaque rows)', () => {
    expectNearReference(gradient(4000, 3), { width: 7 });
    expectNearReference(gradient(3000, 40), { width: 20 }, 65);
  });

  it('reuses weight tables only for the very same job', async () => {
    const image = gradient(301, 199);
    const jobs: ThumbnailOptions[] = [
      { width: 64 },
      { width: 64, filter: 'lanczos2' },
      { width: 64 },
      { width: 64, height: 64, fit: 'cover' },
      { width: 64, height: 30, fit: 'cover' },
      { width: 64 },
      { width: 33 },
    ];
    for (const job of jobs) {
      const fresh = await Thumbnailer.load({ log: () => {} });
      expect(engine.resize(image, job).data, JSON.stringify(job)).toEqual(fresh.resize(image, job).data);
    }
  });
});
