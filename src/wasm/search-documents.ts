import type { Catalog, Product } from '../domain/catalog.js';

/** The six indexed fields, in the order the engine weighs them (title highest). */
export const SEARCH_FIELDS = ['title', 'brand', 'category', 'tags', 'attributes', 'description'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * The fields the shipped index holds. Measured by bench/search/fields.bench.ts on the generated
 * 100,000-product catalog: descriptions are 56 % of the index (38.3 MB raw / 9.7 MB gzip with all
 * six, 16.7 / 4.3 without them) and attributes another 28 % of the rest, while recall@10 and MRR on
 * the known-item queries stay where they are without either (0.995 / 0.993 with all six, 0.995 /
 * 0.995 without). Title, brand, category and tags: 8.9 MB raw, 2.4 MB gzip, 31 MB of WASM memory.
 */
export const INDEXED_FIELDS: readonly SearchField[] = ['title', 'brand', 'category', 'tags'];

/** The fields of one product as the engine indexes them; a field left out is indexed empty. */
export function documentFields(
  product: Product,
  categoryName: string,
  fields: readonly SearchField[] = INDEXED_FIELDS,
): string[] {
  const attributes = Object.entries(product.attributes).map(([name, value]) => `${name} ${value}`);
  for (const variant of product.variants ?? []) attributes.push(variant.title);
  const all = [
    product.title,
    product.brand,
    categoryName,
    product.tags.join(' '),
    attributes.join(' '),
    product.description,
  ];
  return SEARCH_FIELDS.map((field, i) => (fields.includes(field) ? all[i]! : ''));
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

  /** From the catalog; or from the lists saved with an index (the same lists, in the same order). */
  constructor(source: Catalog | { categories: string[]; brands: string[] }) {
    if ('products' in source) {
      this.categories = source.categories.map((c) => c.id);
      this.brands = [...new Set(source.products.map((p) => p.brand))].sort();
    } else {
      this.categories = [...source.categories];
      this.brands = [...source.brands];
    }
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
export function catalogFingerprint(catalog: Catalog, fields: readonly SearchField[] = INDEXED_FIELDS): number {
  let hash = 0x811c9dc5;
  const mix = (text: string): void => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  };
  const names = new Map(catalog.categories.map((c) => [c.id, c.name]));
  for (const product of catalog.products) {
    mix(product.id);
    for (const field of documentFields(product, names.get(product.category) ?? '', fields)) mix(field);
    mix(`${product.category}|${product.price}|${product.stock > 0 ? 1 : 0}|${product.rating}`);
  }
  mix(String(catalog.products.length));
  return hash >>> 0;
}
