import { describe, it } from 'vitest';
import { Thumbnailer, type RgbaImage, type ThumbnailOptions } from '../../src/wasm/thumbnail.js';
import { compareImages, referenceResize } from '../../tests/unit/thumbnail/reference.js';
import { gradient, noise, stripes, transparentLogo, zonePlate } from '../../tests/unit/thumbnail/synthetic.js';

/** The release engine against the float64 reference on the synthetic images of the unit tests. */
describe('thumbnail quality', () => {
  it('agreement with the float64 reference, per synthetic image', async () => {
    const engine = await Thumbnailer.load({ log: () => {} });
    const cases: Array<[string, RgbaImage, ThumbnailOptions]> = [
      ['gradient 301x199 -> 64', gradient(301, 199), { width: 64 }],
      ['zone plate 512 -> 61', zonePlate(512), { width: 61 }],
      ['zone plate 512 -> 61 triangle', zonePlate(512), { width: 61, filter: 'triangle' }],
      ['stripes 400x40 -> 100', stripes(400, 40), { width: 100 }],
      ['transparent logo 200 -> 50', transparentLogo(200), { width: 50 }],
      ['noise 640x480 -> 160 cover', noise(640, 480), { width: 160, height: 160, fit: 'cover' }],
      ['1 x 500 -> 1 x 37', gradient(1, 500), { width: 1, height: 37 }],
      ['997 x 13 -> 101', gradient(997, 13), { width: 101 }],
      ['4000 x 3 -> 7', gradient(4000, 3), { width: 7 }],
    ];
    console.log('\n## engine (release) vs float64 reference');
    console.log(`${'image'.padEnd(32)} ${'within 1'.padStart(9)} ${'max diff'.padStart(9)} ${'PSNR dB'.padStart(8)}`);
    for (const [name, image, options] of cases) {
      const ours = engine.resize(image, options);
      const plan = engine.plan(image.width, image.height, options);
      const a = compareImages(ours, referenceResize(image, plan, options.filter ?? 'lanczos3'));
      const psnr = Number.isFinite(a.psnr) ? a.psnr.toFixed(1) : 'exact';
      console.log(
        `${name.padEnd(32)} ${(a.withinOne * 100).toFixed(2).padStart(8)}% ${String(a.maxDifference).padStart(9)} ${psnr.padStart(8)}`,
      );
    }
  });
});
