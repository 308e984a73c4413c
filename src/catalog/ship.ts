import { createHash } from 'node:crypto';
import type { Catalog, Product } from '../domain/catalog.js';
import {
  CARDS_PER_SHARD,
  FIRST_SHARD_CARDS,
  HOME_CARDS,
  LISTING_FORMAT,
  PRODUCTS_PER_BUCKET,
  bucketOf,
  detailsFile,
  type CardColumns,
  type CardShardFile,
  type DetailsBucketFile,
  type ListingManifest,
  type ShardEntry,
} from '../domain/listing-format.js';

/** The shipped listing of one catalog: the manifest and every file below `manifest.base`. */
export interface ShippedListing {
  manifest: ListingManifest;
  /** Path relative to the manifest (`<tag>/cards/00-0000.json`) → file text. */
  files: Map<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The category page's default order: most ratings first, the catalog's order among equals. */
export const byPopularity = (a: Product, b: Product) => b.ratingCount - a.ratingCount;
/** The home page's pick: in stock, best rated weighted by how many rated. */
const homeScore = (p: Product) => p.rating * Math.log1p(p.ratingCount);

function encodeCards(products: readonly Product[]): CardColumns {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (value: string) => {
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.push(value) - 1;
      indexOf.set(value, index);
    }
    return index;
  };
  const columns: CardColumns = {
    n: products.length,
    strings,
    id: [],
    slug: [],
    title: [],
    brand: [],
    category: [],
    vat: [],
    tagCount: [],
    tags: [],
    price: [],
    stock: [],
    rating: [],
    ratingCount: [],
    variantCount: [],
    imageSrc: [],
    imageWidth: [],
    imageHeight: [],
    imageAlt: [],
  };
  for (const p of products) {
    const rating = Math.round(p.rating * 10);
    // The catalog rules allow steps of 0.1 only; anything else would not come back the same.
    if (rating / 10 !== p.rating) throw new Error(`product ${p.id}: rating ${p.rating} is not in steps of 0.1`);
    columns.id.push(p.id);
    columns.slug.push(p.slug);
    columns.title.push(p.title);
    columns.brand.push(intern(p.brand));
    columns.category.push(intern(p.category));
    columns.vat.push(intern(p.vatClass));
    columns.tagCount.push(p.tags.length);
    for (const tag of p.tags) columns.tags.push(intern(tag));
    columns.price.push(p.price);
    columns.stock.push(p.stock);
    columns.rating.push(rating);
    columns.ratingCount.push(p.ratingCount);
    columns.variantCount.push(p.variants?.length ?? 0);
    const image = p.images[0];
    columns.imageSrc.push(image?.src ?? '');
    columns.imageWidth.push(image?.width ?? 0);
    columns.imageHeight.push(image?.height ?? 0);
    columns.imageAlt.push(image?.alt ?? '');
  }
  return columns;
}

/**
 * Cuts a checked catalog into what the device gets (docs/catalog-format.md): card shards of up to
 * 500 cards per category in the category page's default order, details buckets of about 48
 * products by slug hash, and a manifest naming them with sizes and checksums and holding the home
 * page's cards. `checksum` names the catalog (the SHA-256 of its file, or of a published version);
 * every file carries its first 16 digits, so a file of another catalog is recognised.
 */
export function shipListing(catalog: Catalog, checksum: string): ShippedListing {
  if (!/^[0-9a-f]{16,}$/.test(checksum)) throw new Error(`checksum must be hex digits, got "${checksum}"`);
  const tag = checksum.slice(0, 16);
  const files = new Map<string, string>();
  const shards: ShardEntry[] = [];

  const categories = catalog.categories.map((category, c) => {
    const products = catalog.products.filter((p) => p.category === category.id).sort(byPopularity);
    const own: number[] = [];
    for (let start = 0, part = 0; start < products.length; part++) {
      const size = part === 0 ? FIRST_SHARD_CARDS : CARDS_PER_SHARD;
      const shard = `cards/${String(c).padStart(2, '0')}-${String(part).padStart(4, '0')}.json`;
      const chunk = products.slice(start, start + size);
      start += size;
      const body: CardShardFile = { format: 'laden-cards', catalog: tag, shard, cards: encodeCards(chunk) };
      const text = JSON.stringify(body);
      files.set(`${tag}/${shard}`, text);
      own.push(shards.length);
      shards.push({
        file: shard,
        category: c,
        cards: chunk.length,
        bytes: Buffer.byteLength(text),
        sha256: sha256(text).slice(0, 16),
      });
    }
    return { ...category, products: products.length, shards: own };
  });
  const listed = categories.reduce((sum, c) => sum + c.products, 0);
  if (listed !== catalog.products.length)
    throw new Error(`${catalog.products.length - listed} products name a category the catalog does not have`);

  const buckets = Math.max(1, Math.ceil(catalog.products.length / PRODUCTS_PER_BUCKET));
  const contents: Product[][] = Array.from({ length: buckets }, () => []);
  for (const product of catalog.products) contents[bucketOf(product.slug, buckets)]!.push(product);
  let detailBytes = 0;
  contents.forEach((products, bucket) => {
    const body: DetailsBucketFile = { format: 'laden-details', catalog: tag, bucket, products };
    const text = JSON.stringify(body);
    detailBytes += Buffer.byteLength(text);
    files.set(`${tag}/${detailsFile(bucket)}`, text);
  });

  const home = catalog.products
    .filter((p) => p.stock > 0)
    .sort((a, b) => homeScore(b) - homeScore(a))
    .slice(0, HOME_CARDS);
  const manifest: ListingManifest = {
    format: 'laden-listing',
    formatVersion: LISTING_FORMAT,
    catalog: { checksum, tag, products: catalog.products.length },
    base: `${tag}/`,
    categories,
    shards,
    details: { buckets, bytes: detailBytes },
    home: encodeCards(home),
  };
  return { manifest, files };
}
