import { SEARCH_API_LIMITS, type SearchApiAnswer } from '../domain/search-api.js';
import type { SearchOptions } from '../wasm/search-types.js';

export const SEARCH_API_URL = '/api/search';

// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The query and options as `GET /api/search` takes them (docs/search-api.md), kept within its limits. */
export function searchParams(query: string, options: SearchOptions): URLSearchParams {
  // Control characters would be refused; the engine treats them as spaces anyway.
  const params = new URLSearchParams({ q: query.replace(CONTROLS, ' ').slice(0, SEARCH_API_LIMITS.queryChars) });
  const { category, brand, minPrice, maxPrice, inStockOnly, sort, limit, offset, asYouType, facets } = options;
  if (category !== undefined) params.set('category', category.slice(0, SEARCH_API_LIMITS.filterChars));
  if (brand !== undefined) params.set('brand', brand.slice(0, SEARCH_API_LIMITS.filterChars));
  if (minPrice !== undefined) params.set('minPrice', String(minPrice));
  if (maxPrice !== undefined) params.set('maxPrice', String(maxPrice));
  if (inStockOnly) params.set('inStock', '1');
  if (sort !== undefined) params.set('sort', sort);
  if (limit !== undefined) params.set('limit', String(Math.min(limit, SEARCH_API_LIMITS.limit)));
  if (offset !== undefined) params.set('offset', String(Math.min(offset, SEARCH_API_LIMITS.offset)));
  if (asYouType === false) params.set('asYouType', '0');
  if (facets === false) params.set('facets', '0');
  return params;
}

/** Asks the server; throws when it cannot be reached or does not answer with results. */
export async function searchOnServer(
  query: string,
  options: SearchOptions,
  base = SEARCH_API_URL,
): Promise<SearchApiAnswer> {
  const response = await fetch(`${base}?${searchParams(query, options).toString()}`);
  if (!response.ok) throw new Error(`search on the server: HTTP ${response.status}`);
  return (await response.json()) as SearchApiAnswer;
}
