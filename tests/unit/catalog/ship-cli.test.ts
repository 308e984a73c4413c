import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { cliSession } from './cli-session.js';
import { generateCatalog } from '../../../src/catalog/generate.js';
import { readCardShard, readManifest, toCard } from '../../../src/domain/listing-format.js';

const cli = cliSession('laden-ship-');

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

describe('laden catalog ship', () => {
  it("writes the manifest and the listing files beside the catalog, and drops an earlier catalog's", async () => {
    expect(await main(['catalog', 'generate', '--count', '50', '--seed', '4', '--out', cli.dir])).toBe(0);
    expect(await main(['catalog', 'ship', cli.dir, '--sizes'])).toBe(0);
    const first = readManifest(await readJson(join(cli.dir, 'shop', 'manifest.json')));
    expect(cli.stdout.join('\n')).toMatch(/50 products → .*manifest\.json \(13 card shards, 2 details buckets\)/);
    expect(cli.stdout.join('\n')).toMatch(/cards: 13 files, [\d.]+ MB raw, [\d.]+ MB gzip/);

    const shard = first.shards[first.categories[0]!.shards[0]!]!;
    const cards = readCardShard(
      await readJson(join(cli.dir, 'shop', first.base, shard.file)),
      first.catalog.tag,
      shard.file,
    );
    const catalog = generateCatalog(50, 4).catalog;
    expect(cards.map((c) => c.id).sort()).toEqual(
      catalog.products
        .filter((p) => p.category === first.categories[0]!.id)
        .map((p) => p.id)
        .sort(),
    );
    expect(cards[0]).toEqual(toCard(catalog.products.find((p) => p.id === cards[0]!.id)!));

    expect(await main(['catalog', 'generate', '--count', '51', '--seed', '4', '--out', cli.dir])).toBe(0);
    expect(await main(['catalog', 'ship', cli.dir])).toBe(0);
    const second = readManifest(await readJson(join(cli.dir, 'shop', 'manifest.json')));
    expect(second.catalog.products).toBe(51);
    expect((await readdir(join(cli.dir, 'shop'))).sort()).toEqual([second.catalog.tag, 'manifest.json']);
  });

  it('exits 2 naming the broken field of a catalog that breaks the rules, and writes nothing', async () => {
    const catalog = generateCatalog(5, 1).catalog;
    catalog.products[3]!.price = 12.5;
    await writeFile(join(cli.dir, 'catalog.json'), JSON.stringify(catalog));
    expect(await main(['catalog', 'ship', cli.dir])).toBe(2);
    expect(cli.stderr.join('\n')).toContain('products.3.price');
    expect(await readdir(cli.dir)).toEqual(['catalog.json']);
  });

  it('exits 2 without a folder, or for a folder without catalog.json', async () => {
    expect(await main(['catalog', 'ship'])).toBe(2);
    expect(await main(['catalog', 'ship', join(cli.dir, 'fehlt')])).toBe(2);
    expect(cli.stderr.join('\n')).toMatch(/expected exactly one data folder[\s\S]*cannot read .*fehlt\/catalog\.json/);
  });
});
