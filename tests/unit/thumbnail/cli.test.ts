import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { gradient, stripes } from './synthetic.js';
import type { RgbaImage } from '../../../src/wasm/thumbnail.js';
import { catalogOf } from '../pricing/fixtures.js';

let dir: string;
const toFile = (image: RgbaImage, path: string) =>
  sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } }).toFile(path);

async function laden(...argv: string[]) {
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main(argv);
    return { code, stdout: out.mock.calls.join('\n'), stderr: err.mock.calls.join('\n') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'laden-thumb-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('laden thumb', () => {
  it('writes a WebP thumbnail at the requested width and keeps the aspect ratio', async () => {
    await toFile(gradient(300, 200), join(dir, 'in.png'));
    const result = await laden('thumb', join(dir, 'in.png'), join(dir, 'out.webp'), '--width', '90');
    expect(result.code).toBe(0);
    const meta = await sharp(join(dir, 'out.webp')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 90, 60]);
  });

  it('crops with --fit cover and keeps light in linear light (stripes stay near 188)', async () => {
    await toFile(stripes(400, 40), join(dir, 'stripes.png'));
    const result = await laden(
      'thumb',
      join(dir, 'stripes.png'),
      join(dir, 'stripes-out.png'),
      '--width',
      '20',
      '--height',
      '20',
      '--fit',
      'cover',
    );
    expect(result.code).toBe(0);
    const { data, info } = await sharp(join(dir, 'stripes-out.png')).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([20, 20]);
    expect(Math.abs(data[(10 * 20 + 10) * info.channels]! - 188)).toBeLessThanOrEqual(1);
  });

  it('exits 2 with one line for unreadable input', async () => {
    await writeFile(join(dir, 'broken.jpg'), 'not a jpeg at all');
    const result = await laden('thumb', join(dir, 'broken.jpg'), join(dir, 'x.webp'), '--width', '10');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^laden thumb: cannot read .*broken\.jpg/);
    expect(result.stderr.split('\n')).toHaveLength(1);
  });

  it('exits 2 for bad options and unknown output formats', async () => {
    const input = join(dir, 'in.png');
    expect((await laden('thumb', input, join(dir, 'o.webp'), '--width', '0')).code).toBe(2);
    expect((await laden('thumb', input, join(dir, 'o.webp'), '--width', '10', '--fit', 'stretch')).stderr).toMatch(
      /--fit must be one of contain, cover/,
    );
    expect((await laden('thumb', input, join(dir, 'o.bmp'), '--width', '10')).stderr).toMatch(/cannot tell the format/);
    expect((await laden('thumb', join(dir, 'missing.png'), join(dir, 'o.webp'), '--width', '10')).code).toBe(2);
  });
});

describe('laden thumb catalog', () => {
  it('writes the shipped widths of every product image, never wider than the original', async () => {
    const shop = join(dir, 'shop');
    await mkdir(join(shop, 'images'), { recursive: true });
    await toFile(gradient(700, 500), join(shop, 'images', 'p00001-1.jpg'));
    await toFile(gradient(200, 200), join(shop, 'images', 'p00002-1.jpg'));
    const image = (src: string, width: number, height: number) => ({ src, width, height, alt: 'Produktfoto' });
    const catalog = catalogOf([
      { id: 'p00001', price: 100, images: [image('images/p00001-1.jpg', 700, 500)] },
      { id: 'p00002', price: 100, images: [image('images/p00002-1.jpg', 200, 200)] },
    ]);
    await writeFile(join(shop, 'catalog.json'), JSON.stringify(catalog));
    const result = await laden('thumb', 'catalog', shop);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/4 written, 0 up to date, 0 failed/);
    const widthOf = async (name: string) => (await sharp(await readFile(join(shop, 'thumbs', name))).metadata()).width;
    expect(await widthOf('p00001-1-640.webp')).toBe(640);
    expect(await widthOf('p00001-1-160.webp')).toBe(160);
    expect(await widthOf('p00002-1-160.webp')).toBe(160);
    await expect(readFile(join(shop, 'thumbs', 'p00002-1-320.webp'))).rejects.toThrow();
    expect((await laden('thumb', 'catalog', shop)).stdout).toMatch(/0 written, 4 up to date/);
    expect((await laden('thumb', 'catalog', shop, '--force')).stdout).toMatch(/4 written, 0 up to date/);
    // Thumbnails made by another engine version are made again.
    await writeFile(join(shop, 'thumbs', '.engine'), 'engine 0\n');
    expect((await laden('thumb', 'catalog', shop)).stdout).toMatch(/4 written, 0 up to date/);
  });
});
