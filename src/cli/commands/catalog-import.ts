import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { UsageError, type Command } from '../command.js';
import { COLUMNS, importShopifyCsv } from '../../catalog/import-shopify.js';
import type { VatClass } from '../../domain/catalog.js';

async function imageSize(path: string): Promise<{ width: number; height: number } | undefined> {
  try {
    const { width, height } = await sharp(path).metadata();
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

export const catalogImportCommand: Command = {
  path: ['catalog', 'import'],
  summary: 'turn a Shopify product CSV into catalog.json',
  usage: `Usage: laden catalog import PRODUCTS.csv [--out FILE] [--vat standard|reduced]

Reads the product CSV that Shopify (and shop systems copying its format) export and writes a
catalog.json (docs/catalog-format.md lists the columns read). Photos are named by the file name at
the end of each Image Src and must already be in images/ beside the output file.
  --out FILE   where to write the catalog (default: catalog.json beside the CSV)
  --vat CLASS  VAT class of products without a "${COLUMNS.vat}" column value (default: standard)
Every problem is one line on stderr with its line in the CSV; then nothing is written, exit code 2.`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, vat: { type: 'string' } },
    });
    const [csv, ...extra] = positionals;
    if (!csv || extra.length > 0) throw new UsageError('expected exactly one CSV file');
    const vat = values.vat ?? 'standard';
    if (vat !== 'standard' && vat !== 'reduced') throw new UsageError(`--vat must be standard or reduced, got ${vat}`);
    const out = values.out ?? join(dirname(csv), 'catalog.json');
    let text: string;
    try {
      text = await readFile(csv, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${csv}: ${(error as Error).message}`);
    }
    const folder = dirname(resolve(out));
    const result = await importShopifyCsv(text, {
      vatClass: vat as VatClass,
      imageSize: (src) => imageSize(join(folder, src)),
      source: `Import aus ${basename(csv)}`,
    });
    if (!result.ok) {
      for (const error of result.errors) console.error(`${csv}: ${error}`);
      return 2;
    }
    const temporary = `${out}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(result.catalog, null, 2)}\n`);
    await rename(temporary, out);
    const { products, categories } = result.catalog;
    console.log(`${out}: ${products.length} products in ${categories.length} categories`);
    return 0;
  },
};
