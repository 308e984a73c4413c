import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { UsageError, type Command } from '../command.js';
import type { Catalog } from '../../domain/catalog.js';
import { parseCatalog } from '../../catalog/schema.js';
import { shipListing, type ShippedListing } from '../../catalog/ship.js';
import { writeListing } from '../../catalog/write-listing.js';

interface Sizes {
  files: number;
  raw: number;
  gzip: number;
}

function measure(texts: Iterable<string>, gzip: boolean): Sizes {
  const sizes: Sizes = { files: 0, raw: 0, gzip: 0 };
  for (const text of texts) {
    sizes.files++;
    sizes.raw += Buffer.byteLength(text);
    if (gzip) sizes.gzip += gzipSync(text).byteLength;
  }
  return sizes;
}

function sizeTable(listing: ShippedListing): string {
  const of = (prefix: string) => [...listing.files].filter(([path]) => path.includes(prefix)).map(([, text]) => text);
  const rows: [string, Sizes][] = [
    ['manifest', measure([JSON.stringify(listing.manifest)], true)],
    ['cards', measure(of('/cards/'), true)],
    ['details', measure(of('/details/'), true)],
  ];
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(3)} MB`;
  return rows.map(([name, s]) => `  ${name}: ${s.files} files, ${mb(s.raw)} raw, ${mb(s.gzip)} gzip`).join('\n');
}

export const catalogShipCommand: Command = {
  path: ['catalog', 'ship'],
  summary: "write the listing the shop's app reads (manifest, card shards, details buckets)",
  usage: `Usage: laden catalog ship DATA_DIR [--sizes]

Reads DATA_DIR/catalog.json, checks it with the catalog rules and writes the listing the app
reads instead of the whole catalog (docs/catalog-format.md, "What the device gets"):
DATA_DIR/shop/manifest.json and, below DATA_DIR/shop/<checksum16>/, card shards per category and
product details in small buckets. The manifest is written last; listings of earlier catalogs in
DATA_DIR/shop/ are then removed.
  --sizes   also print the raw and gzip sizes of the manifest, the cards and the details`,
  async run(args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { sizes: { type: 'boolean', default: false } },
    });
    const [dir, ...extra] = positionals;
    if (!dir || extra.length > 0) throw new UsageError('expected exactly one data folder (with catalog.json)');
    const catalogPath = join(dir, 'catalog.json');
    let text: string;
    let catalog: Catalog;
    try {
      text = await readFile(catalogPath, 'utf8');
      catalog = parseCatalog(JSON.parse(text));
    } catch (error) {
      throw new UsageError(`cannot read ${catalogPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const started = performance.now();
    const listing = shipListing(catalog, createHash('sha256').update(text).digest('hex'));
    await writeListing(join(dir, 'shop'), listing);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { manifest } = listing;
    console.log(
      `laden catalog ship: ${manifest.catalog.products} products → ${join(dir, 'shop', 'manifest.json')} (${manifest.shards.length} card shards, ${manifest.details.buckets} details buckets) in ${seconds} s`,
    );
    if (values.sizes) console.log(sizeTable(listing));
    return 0;
  },
};
