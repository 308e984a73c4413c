import type { Category, Product, VatClass } from './catalog.js';
import type { ProductCard } from './product-card.js';

/**
 * The listing shipped to the device (docs/catalog-format.md, "What the device gets"): a manifest,
 * card shards per category and product details in small buckets. Written by `laden catalog ship`
 * (src/catalog/ship.ts), read by the app with the decoders below. The files were checked against the
 * catalog rules when they were written; a reader checks only that a file is the one it asked for.
 */
export const LISTING_FORMAT = 1;
/** Cards per shard after a category's first, in the category page's default order. */
export const CARDS_PER_SHARD = 500;
/**
 * Cards in a category's first shard: two screens of its page (24 cards each). The first view reads
 * only these, so its cost does not grow with the range (500 cards to parse and decode at 100,000
 * products cost a phone about 0.1 s of its largest paint).
 */
export const FIRST_SHARD_CARDS = 48;
/** Products per details bucket on average; the bucket count follows from the catalog's size. */
export const PRODUCTS_PER_BUCKET = 48;
/** Best-rated products in stock shown on the home page, inline in the manifest. */
export const HOME_CARDS = 12;

/** Cards in columns: one array per field, repeated strings (brands, tags, …) in `strings`. */
export interface CardColumns {
  n: number;
  strings: string[];
  id: string[];
  slug: string[];
  title: string[];
  /** Indexes into `strings`. */
  brand: number[];
  category: number[];
  vat: number[];
  /** How many tags each card has; their `strings` indexes follow one another in `tags`. */
  tagCount: number[];
  tags: number[];
  price: number[];
  stock: number[];
  /** Rating × 10, a whole number (ratings go in steps of 0.1). */
  rating: number[];
  ratingCount: number[];
  variantCount: number[];
  /** The first photo: `src` ("" when none), its size and alt text (`alt` through `strings`). */
  imageSrc: string[];
  imageWidth: number[];
  imageHeight: number[];
  imageAlt: string[];
}

export interface ShardEntry {
  /** Path below the manifest's `base`, e.g. `cards/03-0001.json`. */
  file: string;
  /** Index into `categories`. */
  category: number;
  cards: number;
  bytes: number;
  /** First 16 hex digits of the file's SHA-256. */
  sha256: string;
}

export interface ListingCategory extends Category {
  products: number;
  /** Indexes into `shards`, in the category's default order (most ratings first). */
  shards: number[];
}

export interface ListingManifest {
  format: 'laden-listing';
  formatVersion: typeof LISTING_FORMAT;
  catalog: { checksum: string; tag: string; products: number };
  /** Folder of the shards and buckets, relative to the manifest: `<tag>/`. */
  base: string;
  categories: ListingCategory[];
  shards: ShardEntry[];
  details: { buckets: number; bytes: number };
  home: CardColumns;
}

export interface CardShardFile {
  format: 'laden-cards';
  catalog: string;
  shard: string;
  cards: CardColumns;
}

export interface DetailsBucketFile {
  format: 'laden-details';
  catalog: string;
  bucket: number;
  products: Product[];
}

/** A shipped file that is not what the reader asked for: foreign, damaged or of another catalog. */
export class ListingFormatError extends Error {
  override name = 'ListingFormatError';
}

/** What a card shows of a product (src/domain/product-card.ts). */
export function toCard(product: Product): ProductCard {
  const card: ProductCard = {
    id: product.id,
    slug: product.slug,
    title: product.title,
    brand: product.brand,
    category: product.category,
    tags: [...product.tags],
    price: product.price,
    vatClass: product.vatClass,
    stock: product.stock,
    rating: product.rating,
    ratingCount: product.ratingCount,
    variantCount: product.variants?.length ?? 0,
  };
  const image = product.images[0];
  if (image) card.image = { ...image };
  return card;
}

/** The details bucket of a product: FNV-1a of its slug (the product page's URL knows only that). */
export function bucketOf(slug: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) hash = Math.imul(hash ^ slug.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % buckets;
}

export const detailsFile = (bucket: number) => `details/${bucket}.json`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the manifest's head: a file of this format and version, describing some catalog. */
export function readManifest(json: unknown, from = 'manifest.json'): ListingManifest {
  if (!isObject(json) || json['format'] !== 'laden-listing')
    throw new ListingFormatError(`${from} is not a Laden listing manifest`);
  if (json['formatVersion'] !== LISTING_FORMAT)
    throw new ListingFormatError(
      `${from} has listing format ${String(json['formatVersion'])}; this shop reads format ${LISTING_FORMAT}`,
    );
  const catalog = json['catalog'];
  if (!isObject(catalog) || typeof catalog['tag'] !== 'string' || !Array.isArray(json['categories']))
    throw new ListingFormatError(`${from} is damaged: its catalog or categories are missing`);
  return json as unknown as ListingManifest;
}

const VAT: readonly VatClass[] = ['standard', 'reduced'];

/** Turns columns back into cards; a column of the wrong length is a damaged file. */
export function decodeCards(columns: CardColumns, from: string): ProductCard[] {
  const { n, strings: s } = columns;
  if (!Number.isInteger(n) || n < 0) throw new ListingFormatError(`${from} is damaged: no card count`);
  for (const key of ['id', 'slug', 'title', 'brand', 'category', 'price', 'stock', 'imageSrc'] as const) {
    if (!Array.isArray(columns[key]) || columns[key].length !== n)
      throw new ListingFormatError(`${from} is damaged: column ${key} does not have ${n} entries`);
  }
  const cards: ProductCard[] = new Array<ProductCard>(n);
  let tag = 0;
  for (let i = 0; i < n; i++) {
    const tags: string[] = new Array<string>(columns.tagCount[i]!);
    for (let t = 0; t < tags.length; t++) tags[t] = s[columns.tags[tag++]!]!;
    const card: ProductCard = {
      id: columns.id[i]!,
      slug: columns.slug[i]!,
      title: columns.title[i]!,
      brand: s[columns.brand[i]!]!,
      category: s[columns.category[i]!]!,
      tags,
      price: columns.price[i]!,
      vatClass: s[columns.vat[i]!] as VatClass,
      stock: columns.stock[i]!,
      rating: columns.rating[i]! / 10,
      ratingCount: columns.ratingCount[i]!,
      variantCount: columns.variantCount[i]!,
    };
    const src = columns.imageSrc[i]!;
    if (src !== '')
      card.image = { src, width: columns.imageWidth[i]!, height: columns.imageHeight[i]!, alt: columns.imageAlt[i]! };
    if (typeof card.id !== 'string' || !VAT.includes(card.vatClass) || typeof card.brand !== 'string')
      throw new ListingFormatError(`${from} is damaged: card ${i} does not read`);
    cards[i] = card;
  }
  return cards;
}

/** A card shard's cards, if the file is the shard of this catalog that was asked for. */
export function readCardShard(json: unknown, catalogTag: string, shard: string): ProductCard[] {
  if (!isObject(json) || json['format'] !== 'laden-cards')
    throw new ListingFormatError(`${shard} is not a Laden card shard`);
  if (json['catalog'] !== catalogTag || json['shard'] !== shard)
    throw new ListingFormatError(
      `${shard} belongs to another catalog or shard (${String(json['catalog'])} ${String(json['shard'])})`,
    );
  if (!isObject(json['cards'])) throw new ListingFormatError(`${shard} is damaged: no cards`);
  return decodeCards(json['cards'] as unknown as CardColumns, shard);
}

/** A details bucket's products, if the file is the bucket of this catalog that was asked for. */
export function readDetailsBucket(json: unknown, catalogTag: string, bucket: number): Product[] {
  const from = detailsFile(bucket);
  if (!isObject(json) || json['format'] !== 'laden-details')
    throw new ListingFormatError(`${from} is not a Laden details bucket`);
  if (json['catalog'] !== catalogTag || json['bucket'] !== bucket)
    throw new ListingFormatError(`${from} belongs to another catalog or bucket`);
  if (!Array.isArray(json['products'])) throw new ListingFormatError(`${from} is damaged: no products`);
  return json['products'] as Product[];
}
