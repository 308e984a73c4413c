import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import { MAX_PRODUCTS, generateCatalog } from '../../catalog/generate.js';
import { removeStalePhotos, renderPhotos } from '../../catalog/images/render.js';
import { demoRules } from '../../domain/demo-rules.js';

const VALUE_OPTIONS = new Set(['--count', '--seed', '--out']);

/**
 * `--count -5` would make parseArgs complain that the value "looks like an option"; joining it to
 * `--count=-5` lets the range check below say what is actually wrong with it.
 */
function joinDashValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (VALUE_OPTIONS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, text);
  await rename(partial, path);
}

export const catalogGenerateCommand: Command = {
  path: ['catalog', 'generate'],
  summary: 'write the seeded demo catalog (and its product photos)',
  usage: `Usage: laden catalog generate --out DIR [--count N] [--seed S] [--images] [--force]

Writes DIR/catalog.json: N German demo products in 13 categories, the same for the same N and S
(byte for byte), and DIR/rules.json, the demo promotions fitted to it. The catalog format is
described in docs/catalog-format.md.
  --out DIR     folder to write into (created if missing)
  --count N     number of products, 1 to ${MAX_PRODUCTS} (default 320)
  --seed S      seed of the generator, 0 to 4294967295 (default 42)
  --images      also render the product photos as DIR/images/<id>-<n>.jpg (1600 × 1200 and
                1200 × 1200); photos that are already up to date are kept, photos of products
                no longer listed are deleted
  --force       render every photo again, even those that are up to date`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args: joinDashValues(args),
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        count: { type: 'string', default: '320' },
        seed: { type: 'string', default: '42' },
        images: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (see --help)`);
    if (!values.out) throw new UsageError('--out DIR is required');
    const count = wholeNumber('--count', values.count, 1, MAX_PRODUCTS);
    const seed = wholeNumber('--seed', values.seed, 0, 0xffff_ffff);
    const out = resolve(values.out);
    const existing = await stat(out).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new UsageError(`--out ${values.out} is a file, not a folder`);

    const started = performance.now();
    const { catalog, looks } = generateCatalog(count, seed);
    await mkdir(out, { recursive: true });
    let photos = '';
    if (values.images) {
      const concurrency = Math.min(2, availableParallelism());
      const report = await renderPhotos(out, catalog.products, looks, { force: values.force, concurrency });
      photos = `, photos: ${report.rendered} rendered, ${report.reused} up to date`;
    }
    // The demo shop's promotions, fitted to this catalog; the app and the server read them beside it.
    await writeAtomically(join(out, 'rules.json'), `${JSON.stringify(demoRules(catalog), null, 2)}\n`);
    // Written after the photos and in one step, so a catalog.json on disk always has its photos beside
    // it; only then do the photos of an earlier catalog go.
    const json = `${JSON.stringify(catalog)}\n`;
    await writeAtomically(join(out, 'catalog.json'), json);
    if (values.images) photos += `, ${await removeStalePhotos(out, catalog.products)} stale removed`;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const size = (Buffer.byteLength(json) / 1e6).toFixed(1);
    console.log(
      `laden catalog generate: ${count} products in ${catalog.categories.length} categories → ${join(out, 'catalog.json')} (${size} MB${photos}) in ${seconds} s`,
    );
    return 0;
  },
};
