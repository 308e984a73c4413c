import { beforeAll, describe, it } from 'vitest';
import { compareCpu } from '../cpu.js';
import { compare, printTable, type BenchRow } from '../harness.js';
import { Thumbnailer, type RgbaImage } from '../../src/wasm/thumbnail.js';
import { planResize } from '../../src/wasm/thumbnail-geometry.js';
import { compareImages, referenceResize } from '../../tests/unit/thumbnail/reference.js';
import { makeImage, stripes } from '../../tests/unit/thumbnail/synthetic.js';
import { plainResize } from './plain-resize.js';
import { fastImageResize, pica, sharpResizer, squoosh, type Job, type Resizer } from './peers.js';

/** A "photo": smooth light, a zone plate and one-pixel stripes, so quality differences show. */
function photo(width: number, height: number): RgbaImage {
  return makeImage(width, height, (x, y) => {
    if (x > width * 0.6 && y < height * 0.3) return x % 2 === 0 ? [20, 20, 20, 255] : [240, 240, 240, 255];
    const dx = x - width / 3;
    const dy = y - height / 2;
    const ring = Math.cos((Math.PI * (dx * dx + dy * dy)) / (width * 2));
    return [
      Math.round(120 + 100 * ring * (x / width)),
      Math.round(60 + 150 * (y / height)),
      Math.round(128 + 90 * Math.sin(x / 37 + y / 53)),
      255,
    ];
  });
}

function contenders(engine: Thumbnailer): Array<{ name: string; ours?: boolean; resize: Resizer }> {
  return [
    { name: 'laden (WASM SIMD)', ours: true, resize: (image, job) => engine.resize(image, job).data as Uint8Array },
    { name: 'same algorithm, plain TS', resize: (image, job) => plainResize(image, job, job.fit).data as Uint8Array },
    { name: 'pica (js+wasm, lanczos3)', resize: pica() },
    { name: '@jsquash/resize (linearRGB)', resize: squoosh() },
    { name: 'sharp (concurrency 1)', resize: sharpResizer() },
    { name: '@napi-rs/image fastResize', resize: fastImageResize() },
  ];
}

/** Phone and camera photos of 2 to 5 MP, the catalog's usual originals, and one 12 MP. */
const SOURCES = [
  [1632, 1224],
  [2309, 1732],
  [2592, 1944],
  [4000, 3000],
] as const;

async function compareJob(
  source: RgbaImage,
  job: Job,
  peers: Array<{ name: string; ours?: boolean; resize: Resizer }>,
): Promise<void> {
  const megapixels = ((source.width * source.height) / 1e6).toFixed(1);
  const title = `${source.width} x ${source.height} (${megapixels} MP) -> ${job.width} x ${job.height} ${job.fit}, RGBA in and out`;
  const reference = referenceResize(source, planResize(source.width, source.height, job, job.fit));
  const outputs = new Map<string, Uint8Array>();
  const rows = await compare(
    title,
    peers.map((p) => ({
      name: p.name,
      ours: p.ours,
      run: async () => outputs.set(p.name, await p.resize(source, job)),
    })),
    { rounds: 15, warmup: 2, budgetMs: 30_000 },
  );
  const psnr = (row: BenchRow): string => {
    const data = outputs.get(row.name)!;
    return compareImages({ width: job.width, height: job.height, data }, reference).psnr.toFixed(1);
  };
  printTable(`${title}: throughput and agreement with the float64 reference`, rows, {
    'MP/s': (row) => ((source.width * source.height) / 1e6 / (row.medianMs / 1000)).toFixed(0),
    'PSNR dB': psnr,
  });
  // The synchronous, single-threaded pair the engine is measured against, in CPU time as well.
  const synchronous = peers.filter((p) => p.ours || p.name.startsWith('@napi-rs/image'));
  compareCpu(
    title,
    synchronous.map((p) => ({ name: p.name, run: () => p.resize(source, job) })),
    { calls: 1, blocks: 9 },
  );
}

describe('thumbnail resize', () => {
  let peers: Array<{ name: string; ours?: boolean; resize: Resizer }>;
  beforeAll(async () => {
    peers = contenders(await Thumbnailer.load({ log: () => {} }));
  });

  // One test per photo, so that each gets the bench project's whole timeout on a busy machine.
  for (const [width, height] of SOURCES) {
    const widths = width === 4000 ? [400] : [400, 160];
    it(`${width} x ${height} to ${widths.join(' and ')} px wide, one thread each`, async () => {
      const source = photo(width, height);
      for (const w of widths) {
        await compareJob(source, { width: w, height: Math.round((w * height) / width), fit: 'contain' }, peers);
      }
    });
  }

  it('4000 x 3000 to 160 x 160 cover, and one-pixel stripes', async () => {
    await compareJob(photo(4000, 3000), { width: 160, height: 160, fit: 'cover' }, peers);

    // One-pixel black/white stripes halved and quartered: gamma-correct is sRGB 188, naive is 128.
    const lines = stripes(400, 40);
    const job: Job = { width: 100, height: 10, fit: 'contain' };
    console.log('\n## one-pixel stripes 400 x 40 -> 100 x 10 (correct: 188)');
    for (const p of peers) {
      const data = await p.resize(lines, job);
      console.log(`${p.name.padEnd(32)} ${data[(5 * 100 + 50) * 4]}`);
    }
  });
});
