import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { ProductImage } from '../domain/catalog.js';
import { THUMBNAIL_ENGINE_VERSION } from '../wasm/thumbnail-version.js';
import { SHIPPED_WIDTHS, shippedThumbPath, shippedWidths } from '../wasm/thumbnail-ladder.js';
import type { ThumbJob } from './thumbs/job.js';
import { runThumbJobs } from './thumbs/pool.js';

export interface ThumbnailReport {
  written: number;
  kept: number;
  /** One message per original that could not be read or resized. */
  failures: string[];
  /** Worker threads that resampled. */
  threads: number;
}

async function modified(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.mtimeMs,
    () => -1,
  );
}

/**
 * Writes the shipped WebP thumbnails of `images` (paths relative to `dir`) into `dir`'s thumbs/
 * folder, on every core (one engine per worker thread). Thumbnails newer than their original are
 * kept, unless the engine changed since they were made (thumbs/.engine records what made them) or
 * `force` is set. `laden thumb catalog` and `laden catalog publish` both use it.
 */
export async function makeThumbnails(
  dir: string,
  images: readonly ProductImage[],
  options: { force?: boolean } = {},
): Promise<ThumbnailReport> {
  const stampPath = join(dir, 'thumbs', '.engine');
  const stamp = `engine ${THUMBNAIL_ENGINE_VERSION}, webp q80 effort 2, widths ${SHIPPED_WIDTHS.join(' ')}\n`;
  const current = !options.force && (await readFile(stampPath, 'utf8').catch(() => '')) === stamp;
  const report: ThumbnailReport = { written: 0, kept: 0, failures: [], threads: 0 };
  const jobs: ThumbJob[] = [];
  for (const image of images) {
    const original = join(dir, image.src);
    const targets = shippedWidths(image.width).flatMap((width) => {
      const path = shippedThumbPath(image.src, width);
      return path ? [{ width, path: join(dir, path) }] : [];
    });
    const originalTime = await modified(original);
    const stale = [];
    for (const t of targets) if (!current || (await modified(t.path)) <= originalTime) stale.push(t);
    report.kept += targets.length - stale.length;
    if (stale.length > 0) jobs.push({ original, targets: stale });
  }
  report.threads = await runThumbJobs(jobs, Math.max(1, availableParallelism()), (result) => {
    if ('failure' in result) report.failures.push(result.failure);
    else report.written += result.written;
  });
  await mkdir(dirname(stampPath), { recursive: true });
  await writeFile(stampPath, stamp);
  return report;
}
