import type { Product } from '../domain/catalog.js';

export const SEARCH_SORTS = { relevance: 0, 'price-up': 1, 'price-down': 2, rating: 3 } as const;
export type SearchSort = keyof typeof SEARCH_SORTS;

export interface SearchOptions {
  /** A category id; only its products. */
  category?: string;
  /** A brand name; only its products. */
  brand?: string;
  /** Gross price range in cents, both ends included. */
  minPrice?: number;
  maxPrice?: number;
  inStockOnly?: boolean;
  sort?: SearchSort;
  offset?: number;
  /** At most 1,000 hits per call. */
  limit?: number;
  /** The last word is still being typed and matches as a prefix (default true). */
  asYouType?: boolean;
  /**
   * Count facets: categories, brands, in stock and the price range (default true). Without them
   * `facets` holds empty lists and zeros, and a search does less work per matching product.
   */
  facets?: boolean;
  /** Compute match ranges for title and brand of each hit (default true). */
  highlights?: boolean;
}

/** Where a hit's field matched the query: [start, end) in UTF-16 units of the field's text. */
export type MatchRange = readonly [start: number, end: number];

export interface SearchHit {
  product: Product;
  score: number;
  highlights: { title: MatchRange[]; brand: MatchRange[] };
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  query: string;
  /**
   * Hits after filters, before offset and limit. Exact, as are the facet counts: every match is
   * counted from the postings, although only the competitive ones are scored for the ranking.
   */
  total: number;
  hits: SearchHit[];
  /** No product matched every word; these match most of them. */
  partial: boolean;
  /** Every word was found as written (exactly, inflected or inside a compound). */
  exact: boolean;
  /** The query with misspelt words replaced by the likeliest catalog words, if any were. */
  suggestion?: string;
  facets: {
    /** Per category id: what choosing it would give with the other filters on. */
    categories: FacetCount[];
    brands: FacetCount[];
    inStock: number;
    price: { min: number; max: number };
  };
}
