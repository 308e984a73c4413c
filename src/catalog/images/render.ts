import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Product } from '../../domain/catalog.js';
import type { ProductLook } from '../look.js';
import { hashString } from '../random.js';
import { finishPhoto } from './finish.js';
import { photoLayers, type PhotoLayers } from './scene.js';

/** Bump when the encoding changes in a way the SVG does not show (the SVG itself is fingerprinted). */
const ENCODER_VERSION = 'jpeg-q82-progressive-finish2';
const MANIFEST = '.photos.json';

export interface RenderOptions {
  /** Render every photo, even those that are up to date. */
  force?: boolean;
  /** Photos rendered at the same time; sharp itself uses threads too, so keep this near the core count. */
  concurrency?: number;
}

export interface RenderReport {
  rendered: number;
  reused: number;
}

/** The names this renderer gives its photos; nothing else in the folder is ever deleted. */
const PHOTO_NAME = /^p\d{5,}-\d+\.jpg$/;

/**
 * Writes each product's photos as `<catalogDir>/<image.src>`. A photo is skipped when its file exists
 * and the manifest holds the fingerprint of the SVG it was rendered from, so a second run is cheap and
 * a changed product or drawing re-renders exactly the photos it affects.
 */
export async function renderPhotos(
  catalogDir: string,
  products: readonly Product[],
  looks: readonly ProductLook[],
  options: RenderOptions = {},
): Promise<RenderReport> {
  const manifestPath = join(catalogDir, 'images', MANIFEST);
  const previous = options.force ? {} : await readManifest(manifestPath);
  // Only photos known to be on disk and current; written even after a failure so that the next run
  // starts where this one stopped.
  const done: Record<string, string> = {};
  const jobs: (() => Promise<boolean>)[] = [];
  const backdrops = new Map<string, Promise<Raw>>();
  products.forEach((product, p) => {
    const look = looks[p];
    if (!look) throw new Error(`no look for product ${product.id}`);
    product.images.forEach((image, i) => {
      const layers = photoLayers(look, i, image.width, image.height);
      const svg = layers.backdrop + layers.subject;
      const fingerprint = `${ENCODER_VERSION}:${hashString(svg).toString(16)}:${svg.length}`;
      const file = join(catalogDir, image.src);
      jobs.push(async () => {
        const current = previous[image.src] === fingerprint && (await exists(file));
        if (!current) await encode(layers, file, backdrops);
        done[image.src] = fingerprint;
        return !current;
      });
    });
  });
  await mkdir(join(catalogDir, 'images'), { recursive: true });
  let rendered = 0;
  try {
    rendered = (await runLimited(jobs, options.concurrency ?? 2)).filter(Boolean).length;
  } finally {
    await writeFile(manifestPath, JSON.stringify(done));
  }
  return { rendered, reused: jobs.length - rendered };
}

/**
 * Deletes the photos of an earlier catalog that `products` no longer list (a product with fewer
 * photos, a smaller count). Call it once the new catalog.json is in place. Returns how many went.
 */
export async function removeStalePhotos(catalogDir: string, products: readonly Product[]): Promise<number> {
  const folder = join(catalogDir, 'images');
  const current = new Set(products.flatMap((product) => product.images.map((image) => image.src)));
  const names = await readdir(folder).catch(() => []);
  const stale = names.filter((name) => PHOTO_NAME.test(name) && !current.has(`images/${name}`));
  await Promise.all(stale.map((name) => unlink(join(folder, name))));
  return stale.length;
}

interface Raw {
  data: Buffer;
  info: { width: number; height: number; channels: 3 };
}

/** A handful of backdrops serve hundreds of photos: each is rasterised once per run. */
function backdropPixels(svg: string, cache: Map<string, Promise<Raw>>): Promise<Raw> {
  let raw = cache.get(svg);
  if (!raw) {
    raw = sharp(Buffer.from(svg))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, info: { width: info.width, height: info.height, channels: 3 as const } }));
    cache.set(svg, raw);
  }
  return raw;
}

async function encode(layers: PhotoLayers, file: string, backdrops: Map<string, Promise<Raw>>): Promise<void> {
  const backdrop = await backdropPixels(layers.backdrop, backdrops);
  const subject = await sharp(Buffer.from(layers.subject)).ensureAlpha().raw().toBuffer();
  const { width, height } = backdrop.info;
  const pixels = finishPhoto(backdrop.data, subject, width, height);
  const partial = `${file}.partial`;
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 82, progressive: true })
    .toFile(partial);
  // Renamed into place so that an interrupted run never leaves a truncated photo behind.
  await rename(partial, file);
}

async function runLimited<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let nextJob = 0;
  const worker = async (): Promise<void> => {
    while (nextJob < jobs.length) {
      const index = nextJob++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  return results;
}

async function readManifest(path: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
