import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FITS, Thumbnailer } from '../../../src/wasm/thumbnail.js';
import { compareImages, referenceResize } from './reference.js';
import { noise } from './synthetic.js';

let engine: Thumbnailer;
beforeAll(async () => {
  engine = await Thumbnailer.load({ log: () => {} });
});

describe('thumbnail engine on arbitrary sizes', () => {
  it('stays within one level of the reference and returns the planned size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom(...FITS),
        fc.constantFrom('lanczos3', 'lanczos2', 'triangle' as const),
        fc.integer({ min: 0, max: 1000 }),
        (width, height, boxWidth, boxHeight, fit, filter, seed) => {
          const image = noise(width, height, seed);
          const options = { width: boxWidth, height: boxHeight, fit, filter };
          const ours = engine.resize(image, options);
          const plan = engine.plan(width, height, options);
          expect([ours.width, ours.height]).toEqual([plan.width, plan.height]);
          expect(ours.width).toBeLessThanOrEqual(Math.max(width, boxWidth));
          const agreement = compareImages(ours, referenceResize(image, plan, filter));
          // Tiny images have few pixels: 0.1 % of them may be less than one, so allow one stray pixel.
          expect(ours.width * ours.height * (1 - agreement.withinOne)).toBeLessThanOrEqual(
            Math.max(1, ours.width * ours.height * 0.001),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never traps on any geometry, however odd', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        (w, h, bw, bh) => {
          const out = engine.resize(noise(w, h), { width: bw, height: bh, fit: 'cover' });
          expect(out.data.length).toBe(out.width * out.height * 4);
        },
      ),
      { numRuns: 300 },
    );
  });
});
