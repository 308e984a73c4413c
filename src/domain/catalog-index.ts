import type { Catalog, Category, Product } from './catalog.js';

/** Read-only lookups over a loaded catalog, built once. */
export class CatalogIndex {
  readonly #byId = new Map<string, Product>();
  readonly #bySlug = new Map<string, Product>();
  readonly #byCategory = new Map<string, Product[]>();
  readonly #categories = new Map<string, Category>();

  constructor(readonly catalog: Catalog) {
    for (const category of catalog.categories) this.#categories.set(category.slug, category);
    for (const product of catalog.products) {
      this.#byId.set(product.id, product);
      this.#bySlug.set(product.slug, product);
      const list = this.#byCategory.get(product.category) ?? [];
      list.push(product);
      this.#byCategory.set(product.category, list);
    }
  }

  get categories(): Category[] {
    return this.catalog.categories;
  }

  product(id: string): Product | undefined {
    return this.#byId.get(id);
  }

  productBySlug(slug: string): Product | undefined {
    return this.#bySlug.get(slug);
  }

  category(slugOrId: string): Category | undefined {
    return this.#categories.get(slugOrId) ?? this.catalog.categories.find((c) => c.id === slugOrId);
  }

  productsIn(categoryId: string): Product[] {
    return this.#byCategory.get(categoryId) ?? [];
  }

  /** URL of an image file of the catalog, resolved against where the catalog was loaded from. */
  imageUrl(src: string): string {
    return `/data/${src}`;
  }
}
