import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/catalog/generate.js';
import { shipListing } from '../../src/catalog/ship.js';
import { readCardShard, toCard } from '../../src/domain/listing-format.js';
import { compare } from '../harness.js';

/**
 * What a category page's first shard costs to read: our columns (one array per field, repeated
 * strings in a table) against the obvious peer, the same 500 cards as a JSON array of objects.
 * Parse + decode to ProductCard objects, and the bytes on the wire, side by side.
 */
describe('card shard format', () => {
  it('parses a 500-card shard', async () => {
    const catalog = generateCatalog(10_000, 42).catalog;
    const checksum = createHash('sha256').update(JSON.stringify(catalog)).digest('hex');
    const { manifest, files } = shipListing(catalog, checksum);
    const entry = manifest.shards[0]!;
    const columns = files.get(`${manifest.base}${entry.file}`)!;
    const cards = readCardShard(JSON.parse(columns), manifest.catalog.tag, entry.file);
    const objects = JSON.stringify(cards);
    expect(cards).toHaveLength(500);
    expect(cards[0]).toEqual(toCard(catalog.products.find((p) => p.id === cards[0]!.id)!));

    const size = (text: string) =>
      `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB raw, ${(gzipSync(text).byteLength / 1024).toFixed(1)} KB gzip`;
    console.log(`columns: ${size(columns)}; objects: ${size(objects)}`);
    let sink = 0;
    await compare(
      'parse and decode one 500-card shard (10,000-product catalog)',
      [
        {
          name: 'columns + string table (ours)',
          ours: true,
          run: () => (sink += readCardShard(JSON.parse(columns), manifest.catalog.tag, entry.file).length),
        },
        { name: 'array of card objects', run: () => (sink += (JSON.parse(objects) as unknown[]).length) },
      ],
      { rounds: 200, warmup: 20 },
    );
    expect(sink).toBeGreaterThan(0);
  });
});
