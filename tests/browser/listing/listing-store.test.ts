import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { LitElement, html } from 'lit';
import { ContextProvider } from '@lit/context';
import { listingContext } from '../../../src/context/listing.js';
import { ListingController } from '../../../src/controllers/listing-controller.js';
import type { Catalog } from '../../../src/domain/catalog.js';
import { ListingFormatError, bucketOf, toCard } from '../../../src/domain/listing-format.js';
import { ListingStore, type ProductView } from '../../../src/services/listing-store.js';
import { LISTING_DB, storedDetails, storedShardKeys } from '../../../src/storage/listing-db.js';

/** The demo shop's listing, as `npm run build:catalog` shipped it into public/data/shop/. */
const MANIFEST = '/data/shop/manifest.json';
const catalog = (await (await fetch('/data/catalog.json')).json()) as Catalog;

const nextChange = (store: ListingStore) =>
  new Promise<void>((resolve) => store.addEventListener('change', () => resolve(), { once: true }));

async function settled<T extends { complete: boolean } | ProductView>(store: ListingStore, read: () => T): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const value = read();
    if ('complete' in value ? value.complete : value.state !== 'loading') return value;
    await nextChange(store);
  }
  throw new Error('the listing never settled');
}

/** A page that shows how many cards of a category are at hand, the way the category page reads them. */
class CountingPage extends LitElement {
  readonly listing = new ListingController(this);
  category = '';
  override render() {
    return html`${this.listing.store?.cardsIn(this.category, Infinity).cards.length ?? 'kein Katalog'}`;
  }
}
customElements.define('counting-page', CountingPage);

describe('the listing store', () => {
  beforeEach(async () => {
    await deleteDB(LISTING_DB);
  });

  it("gives the home page's cards and the categories from the manifest alone", async () => {
    const store = await ListingStore.open(MANIFEST);
    expect(store.categories.map((c) => c.name)).toEqual(catalog.categories.map((c) => c.name));
    expect(store.homeCards).toHaveLength(12);
    for (const card of store.homeCards) expect(card).toEqual(toCard(catalog.products.find((p) => p.id === card.id)!));
  });

  it("answers a category's cards once its shard arrived, in the category page's default order", async () => {
    const store = await ListingStore.open(MANIFEST);
    const category = catalog.categories[2]!;
    expect(store.cardsIn(category.id, 24)).toMatchObject({ cards: [], complete: false, failed: false });
    const { cards } = await settled(store, () => store.cardsIn(category.id, Infinity));
    const expected = catalog.products
      .filter((p) => p.category === category.id)
      .sort((a, b) => b.ratingCount - a.ratingCount)
      .map(toCard);
    expect(cards).toEqual(expected);
    expect(store.cardsIn(category.id, 3).cards).toEqual(expected.slice(0, 3));
  });

  it("loads a product's details when its page asks, and keeps them on the device as visited", async () => {
    const store = await ListingStore.open(MANIFEST);
    const product = catalog.products.find((p) => p.variants)!;
    expect(store.productView(product.slug)).toEqual({ state: 'loading' });
    expect(await settled(store, () => store.productView(product.slug))).toEqual({ state: 'ready', product });
    expect(await settled(store, () => store.productView('gibt-es-nicht'))).toEqual({ state: 'missing' });

    const kept = await storedDetails(
      `${store.tag}/details/${bucketOf(product.slug, store.manifest.details.buckets)}.json`,
    );
    expect(kept?.products).toContainEqual(product);
  });

  it('puts every card shard on the device, reporting progress, and resumes without fetching them again', async () => {
    const store = await ListingStore.open(MANIFEST);
    const seen: number[] = [];
    store.addEventListener('progress', () => seen.push(store.progress.storedBytes));
    await store.sync();
    expect(store.progress.done).toBe(true);
    expect(seen.at(-1)).toBe(store.progress.totalBytes);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect((await storedShardKeys(store.tag)).size).toBe(store.manifest.shards.length);

    const again = await ListingStore.open(MANIFEST);
    const progress: boolean[] = [];
    again.addEventListener('progress', () => progress.push(again.progress.done));
    await again.sync();
    // Already complete on its first report: nothing was left to fetch.
    expect(progress).toEqual([true]);
  });

  it('re-renders a component through its controller when a shard arrives', async () => {
    const store = await ListingStore.open(MANIFEST);
    const host = document.createElement('div');
    new ContextProvider(host, { context: listingContext, initialValue: store });
    const page = document.createElement('counting-page') as CountingPage;
    page.category = catalog.categories[0]!.id;
    host.append(page);
    document.body.append(host);
    const expected = catalog.products.filter((p) => p.category === page.category).length;
    for (let i = 0; i < 50 && page.shadowRoot?.textContent !== String(expected); i++) await nextChange(store);
    await page.updateComplete;
    expect(page.shadowRoot?.textContent).toBe(String(expected));
    host.remove();
  });

  it("gives a cart line's product by id: its card, the details of one with variants, missing once all is stored", async () => {
    const store = await ListingStore.open(MANIFEST);
    const homeIds = new Set(store.homeCards.map((c) => c.id));
    // Neither on the home page: found in the stored shards or, before they are stored, after the sync.
    const simple = catalog.products.find((p) => !p.variants?.length && !homeIds.has(p.id))!;
    const varied = catalog.products.find((p) => (p.variants?.length ?? 0) > 0 && !homeIds.has(p.id))!;
    const byId = (id: string) => async () => {
      for (let i = 0; i < 200; i++) {
        const view = store.productById(id);
        if (view.state !== 'loading') return view;
        await new Promise((resolve) => {
          store.addEventListener('change', resolve, { once: true });
          store.addEventListener('progress', resolve, { once: true });
        });
      }
      throw new Error('never settled');
    };
    void store.sync();
    const simpleView = await byId(simple.id)();
    expect(simpleView.state).toBe('ready');
    const fromCard = simpleView.state === 'ready' ? simpleView.product : undefined;
    // What pricing needs, from the card alone.
    expect(fromCard).toMatchObject({
      id: simple.id,
      price: simple.price,
      vatClass: simple.vatClass,
      tags: simple.tags,
    });
    expect(fromCard?.category).toBe(simple.category);
    expect(await byId(varied.id)()).toEqual({ state: 'ready', product: varied });
    await store.sync();
    expect(await byId('p99999')()).toEqual({ state: 'missing' });
  });

  it('gives a product added on its page by id from its kept details, before the sync reached its shard', async () => {
    const first = await ListingStore.open(MANIFEST);
    const homeIds = new Set(first.homeCards.map((c) => c.id));
    const product = catalog.products.find((p) => !p.variants?.length && !homeIds.has(p.id))!;
    await settled(first, () => first.productView(product.slug));
    // The next visit (a new store, as after a reload) has no shard on the device and syncs none.
    const store = await ListingStore.open(MANIFEST);
    expect(await storedShardKeys(store.tag)).toEqual(new Set());
    expect(store.productById(product.id)).toEqual({ state: 'loading' });
    expect(await settled(store, () => store.productById(product.id))).toEqual({ state: 'ready', product });
  });

  it('refuses a file that is not a listing manifest with a clear error', async () => {
    await expect(ListingStore.open('/data/rules.json')).rejects.toThrow(ListingFormatError);
    await expect(ListingStore.open('/data/rules.json')).rejects.toThrow('is not a Laden listing manifest');
  });
});
