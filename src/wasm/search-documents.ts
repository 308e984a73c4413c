import type { Catalog, Product } from '../domain/catalog.js';

/** The six indexed fields, in the order the engine weighs them (title highest). */
export const SEARCH_FIELDS = ['title', 'brand', 'category', 'tags', 'attributes', 'description'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** The fields of one product as the engine indexes them. */
export function documentFields(product: Product, categoryName: string): string[] {
  const attributes = Object.entries(product.attributes).map(([name, value]) => `${name} ${value}`);
  for (const variant of product.variants ?? []) attributes.push(variant.title);
  return [
    product.title,
    product.brand,
    categoryName,
    product.tags.join(' '),
    attributes.join(' '),
    product.description,
  ];
}

/**
 * Category and brand numbers the engine filters on. Both are derived from the catalog alone, so an
 * index saved at build time and the catalog it was built from agree on them.
 */
export class FacetKeys {
  readonly categories: string[];
  readonly brands: string[];
  readonly #category = new Map<string, number>();
  readonly #brand = new Map<string, number>();

  constructor(catalog: Catalog) {
    this.categories = catalog.categories.map((c) => c.id);
    this.brands = [...new Set(catalog.products.map((p) => p.brand))].sort();
    this.categories.forEach((id, i) => this.#category.set(id, i));
    this.brands.forEach((name, i) => this.#brand.set(name, i));
  }

  categoryNumber(id: string): number | undefined {
    return this.#category.get(id);
  }

  brandNumber(name: string): number | undefined {
    return this.#brand.get(name);
  }
}

/** FNV-1a over everything the index depends on: a saved index from another catalog is refused. */
export function catalogFingerprint(catalog: Catalog): number {
  let hash = 0x811c9dc5;
  const mix = (text: string): void => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  };
  const names = new Map(catalog.categories.map((c) => [c.id, c.name]));
  for (const product of catalog.products) {
    mix(product.id);
    for (const field of documentFields(product, names.get(product.category) ?? '')) mix(field);
    mix(`${product.category}|${product.price}|${product.stock > 0 ? 1 : 0}|${product.rating}`);
  }
  mix(String(catalog.products.length));
  return hash >>> 0;
}
