import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { generateCatalog } from '../../../src/catalog/generate.js';
import { readCardShard, readManifest, toCard } from '../../../src/domain/listing-format.js';

let dir: string;
let stdout: string[];
let stderr: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'laden-ship-'));
  stdout = [];
  stderr = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void stdout.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void stderr.push(line));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

describe('laden catalog ship', () => {
  it("writes the manifest and the listing files beside the catalog, and drops an earlier catalog's", async () => {
    expect(await main(['catalog', 'generate', '--count', '50', '--seed', '4', '--out', dir])).toBe(0);
    expect(await main(['catalog', 'ship', dir, '--sizes'])).toBe(0);
    const first = readManifest(await readJson(join(dir, 'shop', 'manifest.json')));
    expect(stdout.join('\n')).toMatch(/50 products → .*manifest\.json \(13 card shards, 2 details buckets\)/);
    expect(stdout.join('\n')).toMatch(/cards: 13 files, [\d.]+ MB raw, [\d.]+ MB gzip/);

    const shard = first.shards[first.categories[0]!.shards[0]!]!;
    const cards = readCardShard(
      await readJson(join(dir, 'shop', first.base, shard.file)),
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

    expect(await main(['catalog', 'generate', '--count', '51', '--seed', '4', '--out', dir])).toBe(0);
    expect(await main(['catalog', 'ship', dir])).toBe(0);
    const second = readManifest(await readJson(join(dir, 'shop', 'manifest.json')));
    expect(second.catalog.products).toBe(51);
    expect((await readdir(join(dir, 'shop'))).sort()).toEqual([second.catalog.tag, 'manifest.json']);
  });

  it('exits 2 naming the broken field of a catalog that breaks the rules, and writes nothing', async () => {
    const catalog = generateCatalog(5, 1).catalog;
    catalog.products[3]!.price = 12.5;
    await writeFile(join(dir, 'catalog.json'), JSON.stringify(catalog));
    expect(await main(['catalog', 'ship', dir])).toBe(2);
    expect(stderr.join('\n')).toContain('products.3.price');
    expect(await readdir(dir)).toEqual(['catalog.json']);
  });

  it('exits 2 without a folder, or for a folder without catalog.json', async () => {
    expect(await main(['catalog', 'ship'])).toBe(2);
    expect(await main(['catalog', 'ship', join(dir, 'fehlt')])).toBe(2);
    expect(stderr.join('\n')).toMatch(/expected exactly one data folder[\s\S]*cannot read .*fehlt\/catalog\.json/);
  });
});
