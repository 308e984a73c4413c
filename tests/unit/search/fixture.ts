import type { Catalog, Product } from '../../../src/domain/catalog.js';

/** A product with sensible defaults; tests name only what they are about. */
export function product(id: string, fields: Partial<Product> = {}): Product {
  return {
    id,
    slug: id,
    title: `Artikel ${id}`,
    brand: 'Hausmarke',
    category: 'sonstiges',
    description: '',
    tags: [],
    attributes: {},
    price: 1000,
    vatClass: 'standard',
    stock: 5,
    rating: 4,
    ratingCount: 10,
    images: [],
    ...fields,
  };
}

export function catalog(products: Product[]): Catalog {
  const ids = [...new Set(products.map((p) => p.category))];
  return {
    version: 1,
    currency: 'EUR',
    locale: 'de-DE',
    source: 'test fixture',
    categories: ids.map((id) => ({ id, slug: id, name: id[0]!.toUpperCase() + id.slice(1), description: '' })),
    products,
  };
}
