import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import type { Catalog } from '../../domain/catalog.js';
import { THUMBNAIL_ENGINE_VERSION } from '../../wasm/thumbnail-version.js';
import { SHIPPED_WIDTHS, shippedThumbPath, shippedWidths } from '../../wasm/thumbnail-ladder.js';
import { parseCatalog } from '../../catalog/schema.js';
import type { ThumbJob } from '../thumbs/job.js';
import { runThumbJobs } from '../thumbs/pool.js';

async function modified(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.mtimeMs,
    () => -1,
  );
}

export const thumbCatalogCommand: Command = {
  path: ['thumb', 'catalog'],
  summary: 'make the shipped thumbnails of a catalog',
  usage: `Usage: laden thumb catalog DIR [--force]

Reads DIR/catalog.json and writes, for every product image, WebP thumbnails at the shipped
widths (${SHIPPED_WIDTHS.join(', ')} px, never wider than the original) into DIR/thumbs/, on
every core (one worker thread each). Thumbnails newer than their original are kept, unless the
engine changed since they were made; --force remakes them all (e.g. to time a full build).`,
  async run(args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false } },
    });
    const [dir, ...extra] = positionals;
    if (!dir || extra.length > 0) throw new UsageError('expected exactly one catalog folder');
    const catalogPath = join(dir, 'catalog.json');
    let catalog: Catalog;
    try {
      // Checked like the server checks it: image paths stay inside the folder, every product has images.
      catalog = parseCatalog(JSON.parse(await readFile(catalogPath, 'utf8')));
    } catch (error) {
      throw new UsageError(`cannot read ${catalogPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
    // thumbs/.engine records what made the files; another engine or quality remakes them all.
    const stampPath = join(dir, 'thumbs', '.engine');
    const stamp = `engine ${THUMBNAIL_ENGINE_VERSION}, webp q80 effort 2, widths ${SHIPPED_WIDTHS.join(' ')}\n`;
    const current = !values.force && (await readFile(stampPath, 'utf8').catch(() => '')) === stamp;
    const started = performance.now();
    let written = 0;
    let kept = 0;
    const failures: string[] = [];
    const jobs: ThumbJob[] = [];
    for (const image of catalog.products.flatMap((p) => p.images)) {
      const original = join(dir, image.src);
      const targets = shippedWidths(image.width).flatMap((width) => {
        const path = shippedThumbPath(image.src, width);
        return path ? [{ width, path: join(dir, path) }] : [];
      });
      const originalTime = await modified(original);
      const stale = [];
      for (const t of targets) if (!current || (await modified(t.path)) <= originalTime) stale.push(t);
      kept += targets.length - stale.length;
      if (stale.length > 0) jobs.push({ original, targets: stale });
    }
    // Every core resamples: one engine per worker thread, sharp decoding and encoding alongside.
    const threads = await runThumbJobs(jobs, Math.max(1, availableParallelism()), (result) => {
      if ('failure' in result) failures.push(result.failure);
      else written += result.written;
    });
    await mkdir(dirname(stampPath), { recursive: true });
    await writeFile(stampPath, stamp);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const on = `${threads} thread${threads === 1 ? '' : 's'}`;
    console.log(
      `thumbnails: ${written} written, ${kept} up to date, ${failures.length} failed in ${seconds} s on ${on}`,
    );
    for (const failure of failures) console.error(`  ${failure}`);
    return failures.length > 0 ? 1 : 0;
  },
};
