import { mkdtemp, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { Catalog } from '../../../src/domain/catalog.js';

let dir: string;
let catalog: Catalog;
let report: string[];

async function generate(...extra: string[]): Promise<string> {
  report = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void report.push(line));
  const code = await main(['catalog', 'generate', '--count', '3', '--seed', '42', '--out', dir, '--images', ...extra]);
  log.mockRestore();
  expect(code).toBe(0);
  return report.join('\n');
}

const mtime = async (src: string): Promise<number> => (await stat(join(dir, src))).mtimeMs;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'laden-photos-'));
  await generate();
  catalog = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as Catalog;
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('laden catalog generate --images', () => {
  it('writes every listed photo as a large progressive JPEG of the listed size', async () => {
    const images = catalog.products.flatMap((p) => p.images);
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const image of images) {
      const meta = await sharp(join(dir, image.src)).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.isProgressive).toBe(true);
      expect([meta.width, meta.height]).toEqual([image.width, image.height]);
      expect(Math.max(meta.width, meta.height)).toBeGreaterThanOrEqual(1200);
    }
  });

  it('draws a lit object on a backdrop, not a flat square', async () => {
    for (const product of catalog.products) {
      const file = join(dir, product.images[0]!.src);
      const { channels } = await sharp(file).stats();
      for (const channel of channels.slice(0, 3)) {
        expect(channel.stdev).toBeGreaterThan(12);
        expect(channel.max - channel.min).toBeGreaterThan(120);
      }
      const { data } = await sharp(file).resize(64, 48, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 3)
        colours.add(((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3));
      expect(colours.size, product.title).toBeGreaterThan(60);
    }
  });

  it('draws different products differently', async () => {
    const [a, b] = await Promise.all(
      catalog.products
        .slice(0, 2)
        .map((p) => sharp(join(dir, p.images[0]!.src)).resize(32, 24, { fit: 'fill' }).raw().toBuffer()),
    );
    let difference = 0;
    for (let i = 0; i < a!.length; i++) difference += Math.abs(a![i]! - b![i]!);
    expect(difference / a!.length).toBeGreaterThan(4);
  });

  it('keeps up-to-date photos on the next run and renders a missing one again', async () => {
    const first = catalog.products[0]!.images[0]!.src;
    const last = catalog.products.at(-1)!.images[0]!.src;
    const before = await mtime(last);
    expect(await generate()).toMatch(/photos: 0 rendered/);
    await unlink(join(dir, first));
    expect(await generate()).toMatch(/photos: 1 rendered/);
    expect((await sharp(join(dir, first)).metadata()).width).toBeGreaterThanOrEqual(1200);
    expect(await mtime(last)).toBe(before);
  }, 60_000);

  it('renders everything again with --force', async () => {
    const total = catalog.products.flatMap((p) => p.images).length;
    expect(await generate('--force')).toMatch(new RegExp(`photos: ${total} rendered, 0 up to date`));
  }, 60_000);

  it('deletes the photos of products the new catalog no longer has, and nothing else', async () => {
    await writeFile(join(dir, 'images', 'notiz.txt'), 'bleibt');
    const gone = catalog.products[2]!.images.map((image) => image.src.replace('images/', ''));
    expect(await generate('--count', '2')).toMatch(new RegExp(`${gone.length} stale removed`));
    const left = await readdir(join(dir, 'images'));
    for (const name of gone) expect(left).not.toContain(name);
    expect(left).toContain('notiz.txt');
    expect(left).toContain(catalog.products[0]!.images[0]!.src.replace('images/', ''));
  }, 60_000);
});
