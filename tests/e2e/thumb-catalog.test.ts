import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogOf } from '../unit/pricing/fixtures.js';
import { gradient } from '../unit/thumbnail/synthetic.js';

// The built command (dist-node), which resamples on worker threads: one engine per core.
const laden = fileURLToPath(new URL('../../bin/laden.js', import.meta.url));
const run = promisify(execFile);
let shop: string;

beforeAll(async () => {
  shop = await mkdtemp(join(tmpdir(), 'laden-thumb-workers-'));
  await mkdir(join(shop, 'images'));
  const ids = ['p00001', 'p00002', 'p00003', 'p00004'];
  for (const [i, id] of ids.entries()) {
    const image = gradient(500 + i * 100, 400);
    await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } }).toFile(
      join(shop, 'images', `${id}-1.jpg`),
    );
  }
  const catalog = catalogOf(
    ids.map((id, i) => ({
      id,
      price: 100,
      images: [{ src: `images/${id}-1.jpg`, width: 500 + i * 100, height: 400, alt: 'Produktfoto' }],
    })),
  );
  await writeFile(join(shop, 'catalog.json'), JSON.stringify(catalog));
});
afterAll(() => rm(shop, { recursive: true, force: true }));

describe('laden thumb catalog (built)', () => {
  it('makes every shipped width on worker threads and says how many threads it used', async () => {
    const { stdout } = await run(process.execPath, [laden, 'thumb', 'catalog', shop, '--force']);
    // Four originals, two in flight per thread: as many threads as cores, at most two.
    const threads = Math.min(availableParallelism(), 2);
    expect(stdout).toMatch(new RegExp(`10 written, 0 up to date, 0 failed in [\\d.]+ s on ${threads} threads?`));
    const widthOf = async (name: string) => (await sharp(await readFile(join(shop, 'thumbs', name))).metadata()).width;
    expect(await widthOf('p00004-1-640.webp')).toBe(640);
    expect(await widthOf('p00001-1-320.webp')).toBe(320);
    expect(await widthOf('p00003-1-160.webp')).toBe(160);
  });
});
