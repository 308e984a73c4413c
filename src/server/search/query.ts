import { SEARCH_API_LIMITS, SEARCH_SORT_NAMES, type SearchSortName } from '../../domain/search-api.js';
import type { SearchOptions } from '../../wasm/search.js';

export type ParsedSearch = { ok: true; query: string; options: SearchOptions } | { ok: false; message: string };

const KNOWN = new Set([
  'q',
  'category',
  'brand',
  'minPrice',
  'maxPrice',
  'inStock',
  'sort',
  'limit',
  'offset',
  'asYouType',
  'facets',
]);

// C0 and C1 controls, DEL, non-characters and (in a `u` pattern, unpaired) surrogates: nothing a
// shopper types.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff\ud800-\udfff]/u;

class BadParameter extends Error {}

function text(name: string, value: string, max: number): string {
  if (value.length > max) throw new BadParameter(`${name} darf höchstens ${max} Zeichen lang sein.`);
  if (FORBIDDEN.test(value)) throw new BadParameter(`${name} enthält Steuerzeichen oder ungültige Zeichen.`);
  return value;
}

function whole(name: string, value: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(value))
    throw new BadParameter(`${name} muss eine ganze Zahl sein, nicht „${value.slice(0, 20)}“.`);
  const number = Number(value);
  if (number < min || number > max) throw new BadParameter(`${name} muss zwischen ${min} und ${max} liegen.`);
  return number;
}

function flag(name: string, value: string): boolean {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new BadParameter(`${name} muss 0, 1, true oder false sein.`);
}

/**
 * Reads the parameters of `GET /api/search` (docs/search-api.md). Everything is checked before the
 * engine sees it: unknown or repeated parameters, control characters, overlong text and limits beyond
 * the documented ones are refused with a message naming the parameter.
 */
export function parseSearchQuery(params: URLSearchParams): ParsedSearch {
  try {
    const seen = new Map<string, string>();
    for (const [name, value] of params) {
      if (!KNOWN.has(name)) throw new BadParameter(`Unbekannter Parameter „${text('Name', name, 40)}“.`);
      if (seen.has(name)) throw new BadParameter(`${name} darf nur einmal angegeben werden.`);
      seen.set(name, value);
    }
    const q = seen.get('q');
    if (q === undefined || q.trim() === '') throw new BadParameter('q (der Suchbegriff) fehlt.');
    const query = text('q', q, SEARCH_API_LIMITS.queryChars);
    const options: SearchOptions = { highlights: true };
    const get = (name: string) => seen.get(name);
    const { filterChars, limit, offset } = SEARCH_API_LIMITS;
    if (get('category') !== undefined) options.category = text('category', get('category')!, filterChars);
    if (get('brand') !== undefined) options.brand = text('brand', get('brand')!, filterChars);
    if (get('minPrice') !== undefined) options.minPrice = whole('minPrice', get('minPrice')!, 0, 0xffff_ffff);
    if (get('maxPrice') !== undefined) options.maxPrice = whole('maxPrice', get('maxPrice')!, 0, 0xffff_ffff);
    if (get('inStock') !== undefined) options.inStockOnly = flag('inStock', get('inStock')!);
    if (get('asYouType') !== undefined) options.asYouType = flag('asYouType', get('asYouType')!);
    if (get('facets') !== undefined) options.facets = flag('facets', get('facets')!);
    if (get('limit') !== undefined) options.limit = whole('limit', get('limit')!, 1, limit);
    if (get('offset') !== undefined) options.offset = whole('offset', get('offset')!, 0, offset);
    const sort = get('sort');
    if (sort !== undefined) {
      if (!(SEARCH_SORT_NAMES as readonly string[]).includes(sort)) {
        throw new BadParameter(`sort muss eines von ${SEARCH_SORT_NAMES.join(', ')} sein.`);
      }
      options.sort = sort as SearchSortName;
    }
    return { ok: true, query, options };
  } catch (error) {
    if (error instanceof BadParameter) return { ok: false, message: error.message };
    throw error;
  }
}
