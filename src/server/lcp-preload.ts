import { readFileSync } from 'node:fs';
import type { Catalog, Product, ProductImage } from '../domain/catalog.js';
import { bucketOf, detailsFile, type ListingManifest } from '../domain/listing-format.js';
import { shippedSrcset } from '../wasm/thumbnail-ladder.js';
import { byPopularity } from '../catalog/ship.js';
import type { ServedCatalog } from './catalog/served.js';
import type { ServedSearch } from './search/served-search.js';

/**
 * The picture a page's first view is largest by (its LCP element), named in the page's HTML as a
 * `<link rel=preload as=image>` with the srcset the page's `<img>` gets and sizes that follow the
 * page's layout: the browser starts the download while the app's scripts are still on their way,
 * instead of once the app has rendered the `<img>`. The sizes are what the grids and the product
 * page measure (phone: two columns of cards, one search hit per row, the product photo full width),
 * so the browser picks the same candidate for the preload and the `<img>`.
 */
const SIZES = {
  product: '(max-width: 760px) calc(100vw - 24px), (max-width: 1250px) calc(52vw - 36px), 608px',
  card: '(max-width: 600px) calc(50vw - 17px), 230px',
  hit: '(max-width: 437px) calc(100vw - 26px), (max-width: 720px) calc(50vw - 20px), 220px',
} as const;

/** Cards in the first row of a category on a phone: either may be the largest paint. */
const CATEGORY_FIRST_ROW = 2;

interface VersionImages {
  version: number;
  products: Map<string, ProductImage>;
  categories: Map<string, ProductImage[]>;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function imagesOf(version: number, catalog: Catalog): VersionImages {
  const products = new Map<string, ProductImage>();
  const inCategory = new Map<string, Product[]>();
  for (const product of catalog.products) {
    const image = product.images[0];
    if (image) products.set(product.slug, image);
    const list = inCategory.get(product.category) ?? [];
    list.push(product);
    inCategory.set(product.category, list);
  }
  const categories = new Map<string, ProductImage[]>();
  for (const category of catalog.categories) {
    const first = [...(inCategory.get(category.id) ?? [])].sort(byPopularity).slice(0, CATEGORY_FIRST_ROW);
    categories.set(
      category.slug,
      first.flatMap((p) => (p.images[0] ? [p.images[0]] : [])),
    );
  }
  return { version, products, categories };
}

/** A path segment as text; a malformed escape names no product. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

export function preloadLink(image: ProductImage, sizes: string): string {
  const src = `/data/${image.src}`;
  return (
    `<link rel="preload" as="image" href="${escapeAttribute(src)}" ` +
    `imagesrcset="${escapeAttribute(shippedSrcset(src, image.width))}" imagesizes="${sizes}" fetchpriority="high">`
  );
}

/** Where the built listing is served (docs/catalog-format.md): what a first visit reads. */
const BUILT_LISTING = '/data/shop/manifest.json';

/** A listing file the page will fetch with `fetch()` (a preload `as=fetch` must be CORS-mode to match). */
const fetchPreload = (href: string) => `<link rel="preload" as="fetch" crossorigin href="${escapeAttribute(href)}">`;

/** The built listing's manifest, or undefined for a build without one (its pages get no file hints). */
function builtManifest(file: string | undefined): ListingManifest | undefined {
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ListingManifest;
  } catch {
    return undefined;
  }
}

export class LcpPreloads {
  readonly #served: ServedCatalog;
  readonly #search: ServedSearch | undefined;
  readonly #manifest: ListingManifest | undefined;
  #images: Promise<VersionImages> | undefined;

  /** `manifestFile`: the built listing's manifest on disk (dist/data/shop/manifest.json). */
  constructor(served: ServedCatalog, search?: ServedSearch, manifestFile?: string) {
    this.#served = served;
    this.#search = search;
    this.#manifest = builtManifest(manifestFile);
  }

  /**
   * The listing file a category or product page reads first (its first card shard, its details
   * bucket), so it arrives beside the scripts instead of after the manifest. Only while the built
   * catalog is the one served: a first visit reads the built listing, and a device that switched to
   * a published version reads that one from its own storage.
   */
  #listingFile(kind: 'p' | 'c', slug: string, version: number): string {
    const manifest = this.#manifest;
    if (!manifest || version !== 0) return '';
    const base = new URL(manifest.base, new URL(BUILT_LISTING, 'http://shop'));
    if (kind === 'p')
      return fetchPreload(new URL(detailsFile(bucketOf(slug, manifest.details.buckets)), base).pathname);
    const first = manifest.categories.find((c) => c.slug === slug)?.shards[0];
    const shard = first === undefined ? undefined : manifest.shards[first];
    return shard ? fetchPreload(new URL(shard.file, base).pathname) : '';
  }

  /** The `<link>` tags for a page URL; empty where its first view has no picture to speak of. */
  async linksFor(url: URL): Promise<string> {
    const [, kind, slug, rest] = /^\/(p|c)\/([^/]+)(\/.*)?$/.exec(url.pathname) ?? [];
    if ((kind === 'p' || kind === 'c') && slug && !rest) {
      const images = await this.#current();
      const slugText = decoded(slug);
      if (kind === 'p') {
        const image = images.products.get(slugText);
        return image ? preloadLink(image, SIZES.product) + this.#listingFile(kind, slugText, images.version) : '';
      }
      const first = images.categories.get(slugText);
      if (!first) return '';
      return (
        first.map((image) => preloadLink(image, SIZES.card)).join('') +
        this.#listingFile(kind, slugText, images.version)
      );
    }
    if (url.pathname === '/search') return this.#searchLink(url.searchParams);
    return '';
  }

  async #searchLink(params: URLSearchParams): Promise<string> {
    const query = params.get('q')?.trim();
    // Filters or another sort change the first hit: only the plain query is foreseen.
    if (!this.#search || !query || [...params.keys()].some((key) => key !== 'q')) return '';
    const answer = await this.#search.search(query, { limit: 1 });
    const image = answer.hits[0]?.card.image;
    return image ? preloadLink(image, SIZES.hit) : '';
  }

  /** The served version's first pictures, worked out once per version (a publish changes them). */
  async #current(): Promise<VersionImages> {
    const version = (await this.#served.head())?.version ?? 0;
    const known = this.#images;
    if (known && (await known.catch(() => undefined))?.version === version) return known;
    const made = this.#served.catalog().then((catalog) => imagesOf(version, catalog));
    this.#images = made;
    made.catch(() => {
      if (this.#images === made) this.#images = undefined;
    });
    return made;
  }
}
