import type { Product } from '../domain/catalog.js';
import {
  bucketOf,
  decodeCards,
  detailsFile,
  readCardShard,
  readDetailsBucket,
  readManifest,
  type CardColumns,
  type ListingCategory,
  type ListingManifest,
} from '../domain/listing-format.js';
import { productOfCard, type ProductCard } from '../domain/product-card.js';
import {
  findInDetails,
  findInShards,
  forgetOtherCatalogs,
  saveDetails,
  saveManifest,
  saveShard,
  storedDetails,
  storedManifest,
  storedShard,
  storedShardKeys,
} from '../storage/listing-db.js';
import { LruMap } from './lru-map.js';
import { fetchText, firstIn, idle, sha256Of } from './listing-fetch.js';
import type { CartProductView, ProductView, SyncProgress } from './listing-views.js';

/** Decoded shards kept in memory (500 cards each): what pages show now; the rest stays in storage. */
const SHARDS_IN_MEMORY = 24;
/** Details buckets kept in memory (about 48 products each). */
const BUCKETS_IN_MEMORY = 8;

export type { CartProductView, ProductView, SyncProgress } from './listing-views.js';

/**
 * The catalog as the device gets it (docs/catalog-format.md, "What the device gets"): the manifest at
 * once, card shards and details buckets when a page asks for them, from memory, the device's storage
 * or the network, in that order. Lookups answer synchronously with what is at hand and start loading
 * what is not; `change` fires when something arrives, so a page simply renders again. `sync()` puts
 * the whole listing on the device in the background, two shards at a time (`progress` fires).
 */
export class ListingStore extends EventTarget {
  readonly #base: URL;
  readonly #shards = new LruMap<number, ProductCard[]>(SHARDS_IN_MEMORY);
  readonly #buckets = new LruMap<number, Product[]>(BUCKETS_IN_MEMORY);
  readonly #loading = new Map<string, Promise<unknown>>();
  readonly #failed = new Set<string>();
  readonly #fetching = new Map<number, Promise<CardColumns>>();
  /** Cards found in storage for product pages whose details are not on the device. */
  readonly #offlineCards = new Map<string, ProductCard | null>();
  /** Cards found in storage by id for cart lines (null: not in the shards stored so far). */
  readonly #storedCards = new Map<string, ProductCard | null>();
  /** The last sync stopped without a connection. */
  #syncStalled = false;
  readonly #home: ProductCard[];
  #progress: SyncProgress = { storedBytes: 0, totalBytes: 0, done: false };
  #syncing: Promise<void> | undefined;

  private constructor(
    readonly url: string,
    readonly manifest: ListingManifest,
  ) {
    super();
    this.#base = new URL(manifest.base, new URL(url, location.href));
    this.#home = decodeCards(manifest.home, url);
    this.#progress.totalBytes = manifest.shards.reduce((sum, s) => sum + s.bytes, 0);
  }

  /** The listing behind a manifest URL: from the network, else the copy this device kept. */
  static async open(url: string): Promise<ListingStore> {
    let manifest: ListingManifest;
    try {
      manifest = readManifest(JSON.parse(await fetchText(url)), url);
      saveManifest(url, manifest).catch((error: unknown) => console.warn('Laden: listing not kept offline', error));
    } catch (error) {
      const kept = await storedManifest(url).catch(() => undefined);
      if (!kept)
        throw error instanceof TypeError
          ? new Error('Keine Verbindung und noch kein Katalog auf diesem Gerät gespeichert.')
          : error;
      manifest = kept;
    }
    return new ListingStore(url, manifest);
  }

  get tag(): string {
    return this.manifest.catalog.tag;
  }

  get categories(): ListingCategory[] {
    return this.manifest.categories;
  }

  get homeCards(): ProductCard[] {
    return this.#home;
  }

  /** Whether a shard or details bucket a page asked for is still on its way. */
  get busy(): boolean {
    return this.#loading.size > 0;
  }

  get progress(): SyncProgress {
    return this.#progress;
  }

  category(slugOrId: string): ListingCategory | undefined {
    return this.categories.find((c) => c.slug === slugOrId) ?? this.categories.find((c) => c.id === slugOrId);
  }

  /**
   * The first `count` cards of a category in its default order (all with Infinity), as far as they
   * are at hand; the shards still missing are loaded and `change` fires as each arrives.
   */
  cardsIn(categoryId: string, count: number): { cards: ProductCard[]; complete: boolean; failed: boolean } {
    const category = this.category(categoryId);
    if (!category) return { cards: [], complete: true, failed: false };
    const cards: ProductCard[] = [];
    let failed = false;
    for (const index of category.shards) {
      if (cards.length >= count) break;
      const shard = this.#shards.get(index);
      if (!shard) {
        failed = this.#failed.has(`shard:${index}`);
        void this.#loadShard(index);
        return { cards, complete: false, failed };
      }
      cards.push(...shard);
    }
    return { cards: cards.slice(0, count), complete: true, failed };
  }

  /** A card already in memory by product id (home page or a loaded shard). */
  cardById(id: string): ProductCard | undefined {
    return this.#home.find((c) => c.id === id) ?? firstIn(this.#shards.entries(), (c) => c.id === id);
  }

  /**
   * The cards of these products that are on the device: in memory, else in the shards stored for
   * offline use (a shard found there is kept in memory for the next lookups). Ids whose shard never
   * reached the device are left out; nothing is fetched.
   */
  async cardsById(ids: readonly string[]): Promise<Map<string, ProductCard>> {
    const found = new Map<string, ProductCard>();
    const missing = new Set<string>();
    for (const id of ids) {
      const card = this.cardById(id);
      if (card) found.set(id, card);
      else missing.add(id);
    }
    if (missing.size === 0) return found;
    await findInShards(this.tag, (shard) => {
      if (!shard.cards.id.some((id) => missing.has(id))) return false;
      const cards = decodeCards(shard.cards, shard.key);
      const index = this.manifest.shards.findIndex((entry) => this.#key(entry.file) === shard.key);
      if (index >= 0) this.#shards.set(index, cards);
      for (const card of cards) if (missing.delete(card.id)) found.set(card.id, card);
      return missing.size === 0;
    }).catch((error: unknown) => console.warn('Laden: stored cards could not be read', error));
    return found;
  }

  /**
   * A cart line's product: its card (from memory, else the shards stored on the device) and, for a
   * product with variants, its details; what is not at hand is loaded and `change` fires. A card
   * not stored yet is looked for again as the background sync stores more shards.
   */
  productById(id: string): CartProductView {
    const card = this.cardById(id) ?? this.#storedCards.get(id);
    if (!card) {
      // Added on its product page: its details were kept as visited, long before the sync may reach its shard.
      const product = firstIn(this.#buckets.entries(), (p) => p.id === id);
      if (product) return { state: 'ready', product };
      if (!this.#storedCards.has(id)) {
        void this.#findStoredCardById(id);
        return { state: 'loading' };
      }
      if (this.#progress.done) return { state: 'missing' };
      return this.#syncStalled ? { state: 'unavailable' } : { state: 'loading' };
    }
    if (card.variantCount === 0) return { state: 'ready', product: productOfCard(card) };
    const view = this.productView(card.slug);
    if (view.state === 'ready' || view.state === 'loading' || view.state === 'missing') return view;
    return { state: 'unavailable' };
  }

  /** A card already in memory (home page or a loaded shard). */
  cardBySlug(slug: string): ProductCard | undefined {
    const match = (c: ProductCard) => c.slug === slug;
    return (
      this.#home.find(match) ?? firstIn(this.#shards.entries(), match) ?? this.#offlineCards.get(slug) ?? undefined
    );
  }

  /** What the product page can show for a slug now; loads its details bucket when it is not at hand. */
  productView(slug: string): ProductView {
    const bucket = bucketOf(slug, this.manifest.details.buckets);
    const products = this.#buckets.get(bucket);
    if (products) {
      const product = products.find((p) => p.slug === slug);
      return product ? { state: 'ready', product } : { state: 'missing' };
    }
    if (this.#failed.has(`bucket:${bucket}`)) {
      const card = this.cardBySlug(slug);
      if (card) return { state: 'card-only', card };
      if (!this.#offlineCards.has(slug)) {
        void this.#findStoredCard(slug);
        return { state: 'loading' };
      }
      return { state: 'unavailable' };
    }
    void this.#loadBucket(bucket);
    return { state: 'loading' };
  }

  /** Loads a product's details ahead of a likely visit (a card hovered or scrolled into view). */
  prefetch(slug: string): void {
    const bucket = bucketOf(slug, this.manifest.details.buckets);
    if (!this.#buckets.has(bucket)) void this.#loadBucket(bucket);
  }

  /**
   * Puts every card shard on the device, two at a time when the page is idle; resumes where an
   * earlier visit stopped (stored shards are not fetched again). Without a connection it stops and
   * tries again once the browser is back online.
   */
  sync(): Promise<void> {
    // A background job: storage that refuses (quota, another tab upgrading the database) is said in
    // the console and tried again next time, never an uncaught error in the page.
    this.#syncing ??= this.#sync()
      .catch((error: unknown) => console.warn('Laden: the listing could not be stored on this device', error))
      .finally(() => (this.#syncing = undefined));
    return this.#syncing;
  }

  async #sync(): Promise<void> {
    const stored = await storedShardKeys(this.tag);
    const sizes = (keys: Set<string>) =>
      this.manifest.shards.reduce((sum, s) => sum + (keys.has(this.#key(s.file)) ? s.bytes : 0), 0);
    this.#setProgress(sizes(stored));
    const missing = [...this.manifest.shards.entries()].filter(([, s]) => !stored.has(this.#key(s.file)));
    let failure: unknown;
    // Two shards on their way at a time: one downloads while the other is checked and stored, so
    // the round trips of a few hundred small files overlap; more would only compete with the pages.
    const worker = async () => {
      for (let next = missing.shift(); next && failure === undefined; next = missing.shift()) {
        const [index, shard] = next;
        await idle();
        try {
          // A page may have loaded and stored it since the sync looked (its first view's shard).
          if (!this.#shards.has(index)) await this.#fetchShard(index);
        } catch (error) {
          failure ??= error;
          return;
        }
        stored.add(this.#key(shard.file));
        this.#setProgress(sizes(stored));
      }
    };
    await Promise.all([worker(), worker()]);
    if (failure !== undefined) {
      console.warn('Laden: the listing could not be stored completely; trying again when online', failure);
      this.#syncStalled = true;
      this.dispatchEvent(new Event('change'));
      window.addEventListener('online', () => void this.sync(), { once: true });
      return;
    }
    // Everything of this catalog is on the device: the listings of earlier ones can go.
    await forgetOtherCatalogs(this.tag);
  }

  #setProgress(storedBytes: number): void {
    const totalBytes = this.#progress.totalBytes;
    this.#progress = { storedBytes, totalBytes, done: storedBytes >= totalBytes };
    this.#syncStalled = false;
    // Cart lines whose card was not stored yet look again in what is stored now.
    for (const [id, card] of this.#storedCards) if (!card) this.#storedCards.delete(id);
    this.dispatchEvent(new Event('progress'));
  }

  #key(file: string): string {
    return `${this.tag}/${file}`;
  }

  /** Loads once at a time per file; a failure is remembered so pages can say so, and retried on the next ask. */
  #once<T>(name: string, load: () => Promise<T>): Promise<T | undefined> {
    const running = this.#loading.get(name) as Promise<T | undefined> | undefined;
    if (running) return running;
    const started = load()
      .then((value) => {
        this.#failed.delete(name);
        return value;
      })
      .catch((error: unknown) => {
        console.warn(`Laden: ${name} could not be loaded`, error);
        this.#failed.add(name);
        return undefined;
      })
      .finally(() => {
        this.#loading.delete(name);
        this.dispatchEvent(new Event('change'));
      });
    this.#loading.set(name, started);
    return started;
  }

  #loadShard(index: number): Promise<unknown> {
    return this.#once(`shard:${index}`, async () => {
      const entry = this.manifest.shards[index]!;
      const kept = await storedShard(this.#key(entry.file)).catch(() => undefined);
      const columns = kept?.cards ?? (await this.#fetchShard(index));
      this.#shards.set(index, decodeCards(columns, entry.file));
    });
  }

  /** One download per shard at a time: the page and the background sync may want the same one. */
  #fetchShard(index: number): Promise<CardColumns> {
    let fetching = this.#fetching.get(index);
    if (!fetching) {
      fetching = this.#downloadShard(index).finally(() => this.#fetching.delete(index));
      this.#fetching.set(index, fetching);
    }
    return fetching;
  }

  async #downloadShard(index: number): Promise<CardColumns> {
    const entry = this.manifest.shards[index]!;
    const text = await fetchText(new URL(entry.file, this.#base).href);
    const sha = await sha256Of(text);
    if (sha !== undefined && sha !== entry.sha256) throw new Error(`${entry.file} is damaged: its checksum differs`);
    const json: unknown = JSON.parse(text);
    readCardShard(json, this.tag, entry.file);
    const cards = (json as { cards: CardColumns }).cards;
    await saveShard({ key: this.#key(entry.file), cards });
    return cards;
  }

  #loadBucket(bucket: number): Promise<unknown> {
    return this.#once(`bucket:${bucket}`, async () => {
      const key = this.#key(detailsFile(bucket));
      const kept = await storedDetails(key).catch(() => undefined);
      if (kept) {
        this.#buckets.set(bucket, kept.products);
        return;
      }
      const text = await fetchText(new URL(detailsFile(bucket), this.#base).href);
      const products = readDetailsBucket(JSON.parse(text), this.tag, bucket);
      this.#buckets.set(bucket, products);
      // Kept as visited, for the next time offline.
      await saveDetails({ key, products }).catch((error: unknown) => console.warn('Laden: details not kept', error));
    });
  }

  #findStoredCardById(id: string): Promise<unknown> {
    return this.#once(`card-id:${id}`, async () => {
      let found = null as ProductCard | null;
      try {
        await findInShards(this.tag, (shard) => {
          const i = shard.cards.id.indexOf(id);
          if (i < 0) return false;
          found = decodeCards(shard.cards, shard.key)[i] ?? null;
          return true;
        });
        if (!found) await this.#findStoredDetails(id);
      } finally {
        // Also without storage: asked again only once the sync stored more.
        this.#storedCards.set(id, found);
      }
    });
  }

  /** The stored details bucket holding product `id`, back in memory (a product opened before). */
  async #findStoredDetails(id: string): Promise<void> {
    await findInDetails(this.tag, (details) => {
      if (!details.products.some((p) => p.id === id)) return false;
      const bucket = Number(/details\/(\d+)\.json$/.exec(details.key)?.[1]);
      if (Number.isInteger(bucket)) this.#buckets.set(bucket, details.products);
      return true;
    });
  }

  #findStoredCard(slug: string): Promise<unknown> {
    return this.#once(`card:${slug}`, async () => {
      let found = null as ProductCard | null;
      await findInShards(this.tag, (shard) => {
        const i = shard.cards.slug.indexOf(slug);
        if (i < 0) return false;
        found = decodeCards(shard.cards, shard.key)[i] ?? null;
        return true;
      });
      this.#offlineCards.set(slug, found);
    });
  }
}
