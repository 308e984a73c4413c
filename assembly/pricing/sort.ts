// A stable bottom-up merge sort of line indices in linear memory (no allocation, no closures).
// Ties always fall back to the catalog item index, so no figure depends on the cart's line order.
import { loadI64, loadU32, storeU32 } from './arena';
import {
  itemCount,
  itemLineAt,
  keysAt,
  lineItem,
  lineQuantity,
  orderAt,
  remainderAt,
  sortTmpAt,
  valueAt,
} from './state';

/** Cheapest unit first (value / quantity, compared by cross-multiplication). */
export const BY_UNIT_VALUE: i32 = 0;
/** Largest remainder first. */
export const BY_REMAINDER: i32 = 1;

function before(mode: i32, a: u32, b: u32): bool {
  if (mode == BY_UNIT_VALUE) {
    const left = loadI64(valueAt, <i32>a) * <i64>lineQuantity(b);
    const right = loadI64(valueAt, <i32>b) * <i64>lineQuantity(a);
    if (left != right) return left < right;
  } else {
    const left = loadI64(remainderAt, <i32>a),
      right = loadI64(remainderAt, <i32>b);
    if (left != right) return left > right;
  }
  return lineItem(a) < lineItem(b);
}

/** Sorts the `count` line indices at `orderAt`; the result is at `orderAt`. */
export function sortLines(count: u32, mode: i32): void {
  let src = orderAt,
    dst = sortTmpAt;
  for (let width: u32 = 1; width < count; width <<= 1) {
    for (let lo: u32 = 0; lo < count; lo += width << 1) {
      const mid = min(lo + width, count),
        hi = min(lo + (width << 1), count);
      let i = lo,
        j = mid,
        k = lo;
      while (i < mid && j < hi) {
        const a = loadU32(src, i),
          b = loadU32(src, j);
        if (before(mode, b, a)) {
          storeU32(dst, k++, b);
          j++;
        } else {
          storeU32(dst, k++, a);
          i++;
        }
      }
      while (i < mid) storeU32(dst, k++, loadU32(src, i++));
      while (j < hi) storeU32(dst, k++, loadU32(src, j++));
    }
    const swap = src;
    src = dst;
    dst = swap;
  }
  if (src != orderAt) memory.copy(orderAt, src, (<usize>count) << 2);
}

const ITEM_BITS: u64 = 20;

/**
 * Leaves at `orderAt` first the `take` lines with the largest remainders (ties: lower catalog
 * item), in no particular order: a largest-remainder split only needs to know who gets a cent.
 * Remainder and item pack into one u64 key, (goods - 1 - remainder) above the item, so a
 * quickselect compares plain integers instead of sorting with two loads per side; the item leads
 * back to its line. Past 2^44 cents of goods or 2^20 items it falls back to a full sortLines.
 */
export function selectLargestRemainders(count: u32, take: u32, goods: i64): void {
  if (goods >= (<i64>1) << 44 || itemCount > (<u32>1) << (<u32>ITEM_BITS)) {
    sortLines(count, BY_REMAINDER);
    return;
  }
  for (let i: u32 = 0; i < count; i++) {
    const line = loadU32(orderAt, i);
    const item = lineItem(line);
    storeU32(itemLineAt, item, line);
    const inverted = <u64>(goods - 1 - loadI64(remainderAt, <i32>line));
    store<u64>(keysAt + ((<usize>i) << 3), (inverted << ITEM_BITS) | (<u64>item));
  }
  // Quickselect (Hoare partition, median-of-three pivot): afterwards keys [0, take) are the smallest.
  let lo: i32 = 0,
    hi: i32 = <i32>count - 1;
  const target = <i32>take - 1;
  while (lo < hi) {
    const a = key(lo),
      b = key(lo + ((hi - lo) >> 1)),
      c = key(hi);
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo,
      j = hi;
    while (i <= j) {
      while (key(i) < pivot) i++;
      while (key(j) > pivot) j--;
      if (i <= j) {
        const t = key(i);
        store<u64>(keysAt + ((<usize>i) << 3), key(j));
        store<u64>(keysAt + ((<usize>j) << 3), t);
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  const mask: u64 = ((<u64>1) << ITEM_BITS) - 1;
  for (let i: u32 = 0; i < take; i++) storeU32(orderAt, i, loadU32(itemLineAt, <u32>(key(<i32>i) & mask)));
}

function key(i: i32): u64 {
  return load<u64>(keysAt + ((<usize>i) << 3));
}
