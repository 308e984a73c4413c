import type { Cart } from '../../domain/cart.js';
import type { Catalog } from '../../domain/catalog.js';
import { shipListing, type ShippedListing } from '../../catalog/ship.js';
import { parseRulesText } from '../../domain/promotion-rules.js';
import type { Quote } from '../../domain/quote.js';
import { createPricingEngine, type PricingEngine } from '../../wasm/pricing.js';
import { latestVersion, versionData, versionExists, type VersionHead } from '../db/catalog-store.js';
import type { DataLayer } from '../db/data-layer.js';
import type { CatalogVersionsTable } from '../db/tables.js';
import type { OrderPricer } from '../orders/pricer.js';
import { withoutStockLimits } from '../../domain/stock.js';
import { catalogTitles } from '../mail/titles.js';

/** The catalog the app was built with: served until the first publish, and then never again. */
export interface BuiltCatalog {
  catalog: Catalog;
  rulesText: string;
}

/** What `/api/catalog/current` answers: the served version and the URLs of its data. */
export interface CurrentCatalog {
  /** 0 for the catalog the app was built with. */
  version: number;
  checksum: string | null;
  publishedAt: string | null;
  catalog: string;
  index: string;
  rules: string;
  /** The manifest of the listing the app reads (docs/catalog-format.md, "What the device gets"). */
  listing: string;
}

export const BUILT_URLS = {
  catalog: '/data/catalog.json',
  index: '/data/search-index.bin',
  rules: '/data/rules.json',
  listing: '/data/shop/manifest.json',
} as const;

/** A version's folder in the data URLs: its number and the start of its checksum. */
export const versionTag = (head: Pick<VersionHead, 'version' | 'checksum'>) =>
  `${head.version}-${head.checksum.slice(0, 16)}`;

export function currentCatalog(head: VersionHead | undefined): CurrentCatalog {
  if (!head) return { version: 0, checksum: null, publishedAt: null, ...BUILT_URLS };
  const base = `/data/v/${versionTag(head)}`;
  return {
    version: head.version,
    checksum: head.checksum,
    publishedAt: head.publishedAt,
    catalog: `${base}/catalog.json`,
    index: `${base}/search-index.bin`,
    rules: `${base}/rules.json`,
    listing: `${base}/shop/manifest.json`,
  };
}

/**
 * The catalog this server sells from: the newest published version in the shared database, else
 * the built one. Each order asks the database which version is newest (one indexed row), so an
 * order placed right after a publish — on any server — is priced with the new catalog; the
 * pricing engine of a version is made once and kept while that version is served.
 */
export class ServedCatalog implements OrderPricer {
  readonly #data: DataLayer;
  readonly #built: BuiltCatalog;
  #engine: { version: number; engine: Promise<PricingEngine> } | undefined;
  #titles: (line: { productId: string; variantId?: string }) => string;
  #head: Promise<VersionHead | undefined> | undefined;
  /** Versions' data are immutable: the few last read are kept for the data URLs. */
  readonly #files = new Map<number, CatalogVersionsTable>();
  /** Listings of the versions last asked for, made once each (a version never changes). */
  readonly #listings = new Map<number, Promise<ShippedListing | undefined>>();

  constructor(data: DataLayer, built: BuiltCatalog) {
    this.#data = data;
    this.#built = built;
    this.#titles = catalogTitles(built.catalog);
  }

  /**
   * The newest version. Requests arriving while one read is under way share it (a busy shop asks
   * once per round trip, not once per order, and takes no extra pool connections under a rush).
   */
  head(): Promise<VersionHead | undefined> {
    this.#head ??= latestVersion(this.#data.db).finally(() => (this.#head = undefined));
    return this.#head;
  }

  async current(): Promise<CurrentCatalog> {
    return currentCatalog(await this.head());
  }

  /** The promotions served now; an upload keeps them. */
  async rulesText(): Promise<string> {
    const head = await this.head();
    return head ? ((await this.version(head.version))?.rules_json ?? this.#built.rulesText) : this.#built.rulesText;
  }

  /** A published version's stored data, or undefined when it never existed or was pruned. */
  async version(version: number): Promise<CatalogVersionsTable | undefined> {
    const cached = this.#files.get(version);
    // Another server may have pruned it: the cheap question first, the big row only once.
    if (cached) return (await versionExists(this.#data.db, version)) ? cached : undefined;
    const row = await versionData(this.#data.db, version);
    if (!row) return undefined;
    this.#files.set(version, row);
    for (const key of this.#files.keys()) if (this.#files.size > 3 && key !== version) this.#files.delete(key);
    return row;
  }

  /**
   * The listing of a published version, cut from its stored catalog on the first request and kept
   * for the two versions last asked for: it is a pure function of the version, so servers sharing
   * the database need no shared disk and the database holds the catalog once.
   */
  listing(version: number): Promise<ShippedListing | undefined> {
    let listing = this.#listings.get(version);
    if (!listing) {
      listing = this.version(version).then((row) =>
        row ? shipListing(JSON.parse(row.catalog_json) as Catalog, row.checksum) : undefined,
      );
      listing.catch(() => this.#listings.delete(version));
      this.#listings.set(version, listing);
      for (const key of this.#listings.keys())
        if (this.#listings.size > 2 && key !== version) this.#listings.delete(key);
    }
    return listing;
  }

  /** The catalog served now, as published (its stock figures are where stock starts). */
  async catalog(): Promise<Catalog> {
    const head = await this.head();
    const row = head && (await this.version(head.version));
    return row ? (JSON.parse(row.catalog_json) as Catalog) : this.#built.catalog;
  }

  /**
   * What searching `version` needs: its catalog and its saved search index (the built catalog's
   * index is a file beside it, which the caller reads). Undefined when the version was pruned.
   */
  async searchSource(version: number): Promise<{ catalog: Catalog; index?: Uint8Array } | undefined> {
    if (version === 0) return { catalog: this.#built.catalog };
    const row = await this.version(version);
    if (!row) return undefined;
    return { catalog: JSON.parse(row.catalog_json) as Catalog, index: new Uint8Array(row.search_index) };
  }

  async quote(cart: Cart, at: Date): Promise<Quote> {
    const version = (await this.head())?.version ?? 0;
    if (this.#engine?.version !== version) {
      const engine = this.#makeEngine(version);
      this.#engine = { version, engine };
      // A failed build is not kept: the next order tries again.
      engine.catch(() => {
        if (this.#engine?.engine === engine) this.#engine = undefined;
      });
    }
    return (await this.#engine.engine).quote(cart, at);
  }

  /**
   * "Produkt (Variante)" as the catalog that priced the latest order names it: mails name articles
   * from it inside the order's transaction, where nothing else may be read.
   */
  titleOf(line: { productId: string; variantId?: string }): string {
    return this.#titles(line);
  }

  async #makeEngine(version: number): Promise<PricingEngine> {
    if (version === 0) {
      this.#titles = catalogTitles(this.#built.catalog);
      return createPricingEngine(withoutStockLimits(this.#built.catalog), parseRulesText(this.#built.rulesText));
    }
    const row = await this.version(version);
    if (!row) throw new Error(`catalog version ${version} vanished while it was being read`);
    // Checked when it was published; stored as it was checked.
    const catalog = JSON.parse(row.catalog_json) as Catalog;
    this.#titles = catalogTitles(catalog);
    return createPricingEngine(withoutStockLimits(catalog), parseRulesText(row.rules_json));
  }
}
