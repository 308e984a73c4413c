import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../src/catalog/generate.js';
import { shipListing } from '../../../src/catalog/ship.js';
import type { Catalog, Product } from '../../../src/domain/catalog.js';
import {
  CARDS_PER_SHARD,
  FIRST_SHARD_CARDS,
  ListingFormatError,
  bucketOf,
  decodeCards,
  detailsFile,
  readCardShard,
  readDetailsBucket,
  readManifest,
  toCard,
} from '../../../src/domain/listing-format.js';

const checksumOf = (catalog: Catalog) => createHash('sha256').update(JSON.stringify(catalog)).digest('hex');

function ship(catalog: Catalog) {
  const listing = shipListing(catalog, checksumOf(catalog));
  // What the device gets is text: read it back as the app does, from the JSON.
  const manifest = readManifest(JSON.parse(JSON.stringify(listing.manifest)));
  const file = (path: string): unknown => JSON.parse(listing.files.get(`${manifest.base}${path}`)!);
  return { listing, manifest, file };
}

describe('the shipped listing', () => {
  const catalog = generateCatalog(400, 11).catalog;
  const { listing, manifest, file } = ship(catalog);

  it("gives back every category's cards in the category page's default order", () => {
    expect(manifest.categories.map((c) => c.id)).toEqual(catalog.categories.map((c) => c.id));
    for (const category of manifest.categories) {
      const expected = catalog.products
        .filter((p) => p.category === category.id)
        .sort((a, b) => b.ratingCount - a.ratingCount)
        .map(toCard);
      const cards = category.shards.flatMap((s) =>
        readCardShard(file(manifest.shards[s]!.file), manifest.catalog.tag, manifest.shards[s]!.file),
      );
      expect(cards).toEqual(expected);
      expect(category.products).toBe(expected.length);
    }
  });

  it('gives back every product whole from the details bucket its slug names', () => {
    const seen = new Set<string>();
    for (const product of catalog.products) {
      const bucket = bucketOf(product.slug, manifest.details.buckets);
      const products = readDetailsBucket(file(detailsFile(bucket)), manifest.catalog.tag, bucket);
      expect(products.find((p) => p.slug === product.slug)).toEqual(product);
      seen.add(product.id);
    }
    expect(seen.size).toBe(catalog.products.length);
    expect(manifest.details.buckets).toBe(Math.ceil(400 / 48));
  });

  it("names each shard's size, card count and checksum as shipped", () => {
    for (const shard of manifest.shards) {
      const text = listing.files.get(`${manifest.base}${shard.file}`)!;
      expect(shard.bytes).toBe(Buffer.byteLength(text));
      expect(shard.sha256).toBe(createHash('sha256').update(text).digest('hex').slice(0, 16));
      expect(readCardShard(JSON.parse(text), manifest.catalog.tag, shard.file)).toHaveLength(shard.cards);
    }
    expect(manifest.catalog).toEqual({
      checksum: checksumOf(catalog),
      tag: checksumOf(catalog).slice(0, 16),
      products: 400,
    });
  });

  it("holds the home page's best-rated products in stock inline", () => {
    const score = (p: Product) => p.rating * Math.log1p(p.ratingCount);
    const expected = catalog.products
      .filter((p) => p.stock > 0)
      .sort((a, b) => score(b) - score(a))
      .slice(0, 12)
      .map(toCard);
    expect(decodeCards(manifest.home, 'manifest.json')).toEqual(expected);
  });

  it('cuts a large category into a first shard of two screens and then shards of at most 500 cards', () => {
    const big = generateCatalog(1_100, 3).catalog;
    const first = big.categories[0]!.id;
    const one: Catalog = { ...big, products: big.products.map((p) => ({ ...p, category: first })) };
    const shipped = ship(one);
    const category = shipped.manifest.categories[0]!;
    expect(category.shards.map((s) => shipped.manifest.shards[s]!.cards)).toEqual([
      FIRST_SHARD_CARDS,
      CARDS_PER_SHARD,
      CARDS_PER_SHARD,
      1_100 - FIRST_SHARD_CARDS - 2 * CARDS_PER_SHARD,
    ]);
    expect(shipped.manifest.categories.slice(1).every((c) => c.shards.length === 0)).toBe(true);
    const counts = category.shards.flatMap((s) => {
      const name = shipped.manifest.shards[s]!.file;
      return readCardShard(shipped.file(name), shipped.manifest.catalog.tag, name).map((c) => c.ratingCount);
    });
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('is the same text for the same catalog, and names another catalog apart', () => {
    const again = shipListing(catalog, checksumOf(catalog));
    expect([...again.files]).toEqual([...listing.files]);
    const other = generateCatalog(400, 12).catalog;
    expect(shipListing(other, checksumOf(other)).manifest.base).not.toBe(manifest.base);
  });
});

describe('reading damaged or foreign listing files', () => {
  const catalog = generateCatalog(60, 2).catalog;
  const { manifest, file } = ship(catalog);
  const shard = manifest.shards[0]!.file;
  const tag = manifest.catalog.tag;

  it('refuses a file that is no manifest, or one of another format version', () => {
    expect(() => readManifest({ version: 1, products: [] })).toThrow('manifest.json is not a Laden listing manifest');
    expect(() => readManifest({ ...manifest, formatVersion: 2 })).toThrow(
      'manifest.json has listing format 2; this shop reads format 1',
    );
    expect(() => readManifest({ format: 'laden-listing', formatVersion: 1 })).toThrow(/is damaged/);
    expect(() => readManifest('<!doctype html>')).toThrow(ListingFormatError);
  });

  it("refuses another catalog's shard, or another shard than the one asked for", () => {
    expect(() => readCardShard(file(shard), '0123456789abcdef', shard)).toThrow(/belongs to another catalog/);
    expect(() => readCardShard(file(shard), tag, manifest.shards[1]!.file)).toThrow(
      /belongs to another catalog or shard/,
    );
    expect(() => readCardShard(file(detailsFile(0)), tag, shard)).toThrow(`${shard} is not a Laden card shard`);
  });

  it('names the column of a cut-off shard', () => {
    const damaged = file(shard) as { cards: { price: number[] } };
    damaged.cards.price.pop();
    expect(() => readCardShard(damaged, tag, shard)).toThrow(/is damaged: column price does not have \d+ entries/);
  });

  it("refuses another bucket's or another catalog's details", () => {
    expect(() => readDetailsBucket(file(detailsFile(0)), tag, 1)).toThrow('details/1.json belongs to another catalog');
    expect(() => readDetailsBucket(file(detailsFile(0)), 'ffffffffffffffff', 0)).toThrow(/another catalog/);
    expect(() => readDetailsBucket({ format: 'laden-details', catalog: tag, bucket: 0 }, tag, 0)).toThrow(
      'details/0.json is damaged: no products',
    );
  });

  it('refuses a catalog whose products name a missing category, and a checksum that is not one', () => {
    const orphan: Catalog = { ...catalog, products: [{ ...catalog.products[0]!, category: 'fehlt' }] };
    expect(() => shipListing(orphan, checksumOf(orphan))).toThrow(
      '1 products name a category the catalog does not have',
    );
    expect(() => shipListing(catalog, 'v1')).toThrow('checksum must be hex digits, got "v1"');
  });
});
