import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import type { Catalog } from '../../domain/catalog.js';
import { SHIPPED_WIDTHS } from '../../wasm/thumbnail-ladder.js';
import { makeThumbnails } from '../../catalog/thumbnails.js';
import { parseCatalog } from '../../catalog/schema.js';

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
    const started = performance.now();
    const { written, kept, failures, threads } = await makeThumbnails(
      dir,
      catalog.products.flatMap((p) => p.images),
      { force: values.force },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const on = `${threads} thread${threads === 1 ? '' : 's'}`;
    console.log(
      `thumbnails: ${written} written, ${kept} up to date, ${failures.length} failed in ${seconds} s on ${on}`,
    );
    for (const failure of failures) console.error(`  ${failure}`);
    return failures.length > 0 ? 1 : 0;
  },
};
