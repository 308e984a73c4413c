/**
 * The catalog format Laden reads (`catalog.json`). Documented for shop operators in
 * docs/catalog-format.md; keep the two in step. All money is integer cents, VAT included.
 */
export const VAT_RATES = { standard: 19, reduced: 7 } as const;

/**
 * Product and variant ids (an operator's SKUs): 1–64 letters, digits, ".", "_" or "-", starting with
 * a letter or digit. The catalog schema, the stored cart and the orders API all check this one rule.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export type VatClass = keyof typeof VAT_RATES;

export interface Catalog {
  /** Format version; readers refuse versions they do not know. */
  version: 1;
  currency: 'EUR';
  locale: 'de-DE';
  /** The seed and count it was generated from, or the operator's own note. */
  source: string;
  categories: Category[];
  products: Product[];
}

export interface Category {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface ProductImage {
  /** Path relative to the catalog file's folder, e.g. `images/p00001-1.jpg`. */
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface Variant {
  id: string;
  /** Shopper-facing name of the choice, e.g. "M / Blau". */
  title: string;
  /** Option name to value, e.g. `{ "Größe": "M", "Farbe": "Blau" }`. */
  options: Record<string, string>;
  /** Overrides the product's price when set (cents, gross). */
  price?: number;
  stock: number;
}

export interface Product {
  id: string;
  slug: string;
  title: string;
  brand: string;
  /** A `Category.id`. */
  category: string;
  description: string;
  tags: string[];
  attributes: Record<string, string>;
  variants?: Variant[];
  /** Gross price in cents. */
  price: number;
  vatClass: VatClass;
  /** Units in stock; for products with variants, the sum over variants. */
  stock: number;
  /** Average rating from 1 to 5, one decimal. */
  rating: number;
  ratingCount: number;
  images: ProductImage[];
}
