import type { ProductCard } from './product-card.js';

/** Where a hit's field matched the query: [start, end) in UTF-16 units of the field's text. */
export type MatchRange = readonly [start: number, end: number];

export const SEARCH_SORT_NAMES = ['relevance', 'price-up', 'price-down', 'rating'] as const;
export type SearchSortName = (typeof SEARCH_SORT_NAMES)[number];

/** Limits of `GET /api/search` (docs/search-api.md); the app never asks beyond them. */
export const SEARCH_API_LIMITS = {
  queryChars: 200,
  filterChars: 200,
  limit: 100,
  offset: 10_000,
} as const;

/** One hit of `GET /api/search`: the card to draw and where title and brand matched. */
export interface SearchApiHit {
  card: ProductCard;
  highlights: { title: MatchRange[]; brand: MatchRange[] };
}

export interface SearchApiFacetCount {
  value: string;
  count: number;
}

/** What `GET /api/search` answers (200). */
export interface SearchApiAnswer {
  /** The catalog version searched (0: the one the app was built with). */
  version: number;
  query: string;
  total: number;
  hits: SearchApiHit[];
  partial: boolean;
  exact: boolean;
  suggestion?: string;
  facets: {
    categories: SearchApiFacetCount[];
    brands: SearchApiFacetCount[];
    inStock: number;
    price: { min: number; max: number };
  };
}
