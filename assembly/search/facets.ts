// The filters of a search and what its facets count: each facet counts what choosing one of its
// values would give with the other filters on. Both ways of ranking (./query.ts scoring every
// match, ./prune.ts scoring only the competitive ones) count every match through here, so totals
// and facet counts are exact either way.

import * as img from './image';
import { ANY } from './layout';
import { boostOf } from './impact';
import {
  DOC_SHIFT,
  LINE_BRAND,
  LINE_CATEGORY,
  LINE_PRICE,
  LINE_RATING,
  LINE_STOCK,
  docState,
  setU32,
  u32At,
} from './scratch';

let category: u32 = ANY;
let brand: u32 = ANY;
let priceMin: u32 = 0;
let priceMax: u32 = 0xffffffff;
let inStockOnly = false;
let facets = false;
export let catCounts: usize = 0;
export let brandCounts: usize = 0;
export let total: u32 = 0;
export let inStockCount: u32 = 0;
export let lowest: u32 = 0xffffffff;
export let highest: u32 = 0;

export function setFilters(
  cat: u32,
  brd: u32,
  min: u32,
  max: u32,
  stockOnly: bool,
  withFacets: bool,
  cats: usize,
  brands: usize,
): void {
  category = cat;
  brand = brd;
  priceMin = min;
  priceMax = max;
  inStockOnly = stockOnly;
  facets = withFacets;
  catCounts = cats;
  brandCounts = brands;
  total = 0;
  inStockCount = 0;
  lowest = 0xffffffff;
  highest = 0;
}

/** True when a match needs its line read to be counted: some filter is on or facets are wanted. */
export function filtersOrFacets(): bool {
  return facets || inStockOnly || category != ANY || brand != ANY || priceMin > 0 || priceMax != 0xffffffff;
}

/** Counts a document that matched the words; returns whether it passes the filters. */
export function countMatch(doc: u32): bool {
  const line = docState + ((<usize>doc) << DOC_SHIFT);
  const c = <u32>load<u16>(line, LINE_CATEGORY);
  const b = <u32>load<u16>(line, LINE_BRAND);
  const price = load<u32>(line, LINE_PRICE);
  const stocked = load<u8>(line, LINE_STOCK) != 0;
  const okCat = category == ANY || c == category;
  const okBrand = brand == ANY || b == brand;
  const okPrice = price >= priceMin && price <= priceMax;
  const okStock = !inStockOnly || stocked;
  if (facets) {
    if (okBrand && okPrice && okStock && c < <u32>img.categoryCount) setU32(catCounts, c, u32At(catCounts, c) + 1);
    if (okCat && okPrice && okStock && b < <u32>img.brandCount) setU32(brandCounts, b, u32At(brandCounts, b) + 1);
    if (okCat && okBrand && okPrice && stocked) inStockCount++;
    if (okCat && okBrand && okStock) {
      lowest = min(lowest, price);
      highest = max(highest, price);
    }
  }
  const ok = okCat && okBrand && okPrice && okStock;
  if (ok) total++;
  return ok;
}

/** Counts matches known only by their number (no filter on, no facets wanted). */
export function countUnread(n: u32): void {
  total += n;
}

/** The tie-breaker a matching document's score is multiplied by (./impact's boostOf). */
export function boostFor(doc: u32): f32 {
  const line = docState + ((<usize>doc) << DOC_SHIFT);
  return boostOf(load<u8>(line, LINE_STOCK) != 0, <u32>load<u8>(line, LINE_RATING));
}
