import { ContextProvider } from '@lit/context';
import type { Catalog, Product } from '../../../src/domain/catalog.js';
import { searchContext } from '../../../src/context/search.js';
import { SearchService } from '../../../src/services/search.js';
import type { SearchSource } from '../../../src/services/search-cards.js';
import { cardOf } from '../../../src/domain/card-of.js';

const product = (id: string, title: string, fields: Partial<Product> = {}): Product => ({
  id,
  slug: id,
  title,
  brand: 'Hausmarke',
  category: 'kueche',
  description: '',
  tags: [],
  attributes: {},
  price: 1999,
  vatClass: 'standard',
  stock: 3,
  rating: 4,
  ratingCount: 2,
  images: [{ src: `images/${id}-1.jpg`, width: 4, height: 3, alt: title }],
  ...fields,
});

export const catalog: Catalog = {
  version: 1,
  currency: 'EUR',
  locale: 'de-DE',
  source: 'browser test',
  categories: [
    { id: 'kueche', slug: 'kueche', name: 'Küche', description: '' },
    { id: 'outdoor', slug: 'outdoor', name: 'Outdoor', description: '' },
  ],
  products: [
    product('muehle', 'Kaffeemühle Handmahlwerk', { brand: 'Mühlenwerk', price: 4990 }),
    product('maschine', 'Kaffeemaschine Kompakt', { brand: 'Brühmeister', price: 8900 }),
    product('becher', 'Kaffeebecher Atelier', { brand: 'Tonwerk', price: 1290, stock: 0 }),
    product('rucksack', 'Wanderrucksack Alpin 30 L', { category: 'outdoor', brand: 'Bergfreund', price: 12900 }),
    product('zelt', 'Zelt Kuppel 2 Personen', { category: 'outdoor', brand: 'Bergfreund', price: 19900 }),
  ],
};

/** No index file at this address: the service must rebuild in its worker. */
export const MISSING_INDEX = '/no-such-search-index.bin';

/** The fixture catalog as the search's source: its cards and names, the index file at `indexUrl`. */
export const sourceOf = (indexUrl: string): SearchSource => ({
  indexUrl,
  products: catalog.products.length,
  categoryName: (id) => catalog.categories.find((c) => c.id === id)?.name,
  cards: (ids) =>
    Promise.resolve(new Map(catalog.products.filter((p) => ids.includes(p.id)).map((p) => [p.id, cardOf(p)]))),
  catalog: () => Promise.resolve(catalog),
});

export const indexUrlOf = (bytes: Uint8Array): string =>
  URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));

/** A host element that provides a search service (nothing else of the catalog), its device index loaded, to what is put into it. */
export async function provide(service = new SearchService(sourceOf(MISSING_INDEX))): Promise<HTMLElement> {
  const host = document.createElement('div');
  new ContextProvider(host, { context: searchContext, initialValue: service });
  await service.ready;
  document.body.append(host);
  return host;
}

export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
