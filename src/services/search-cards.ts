import type { Catalog } from '../domain/catalog.js';
import type { ProductCard } from '../domain/product-card.js';
import type { CatalogPointer } from './catalog-version.js';
import { loadCatalog } from './catalog-loader.js';
import type { ListingStore } from './listing-store.js';

/**
 * What the search needs of a catalog version besides the server: where its index file is, how many
 * products the index must hold, the categories' names for the facets, the cards of device hits, and
 * (only when the index file is missing or damaged) the whole catalog to index instead.
 */
export interface SearchSource {
  indexUrl: string;
  products: number;
  categoryName(id: string): string | undefined;
  /** The cards at hand for these ids; an id left out has no card on the device yet. */
  cards(ids: readonly string[]): Promise<Map<string, ProductCard>>;
  catalog(): Promise<Catalog>;
}

/**
 * Where the shop's search takes its cards and names from: the one place that knows. The shipped
 * listing, so that searching never waits for the whole catalog (`catalog.json`), which is fetched
 * only to rebuild an index that could not be used.
 */
export function listingSource(listing: ListingStore, pointer: CatalogPointer): SearchSource {
  return {
    indexUrl: pointer.index,
    products: listing.manifest.catalog.products,
    categoryName: (id) => listing.category(id)?.name,
    cards: (ids) => listing.cardsById(ids),
    catalog: () => loadCatalog(pointer.catalog),
  };
}
