// A stable bottom-up merge sort of line indices in linear memory (no allocation, no closures).
// Ties always fall back to the catalog item index, so no figure depends on the cart's line order.
import { loadI64, loadU32, storeU32 } from './arena';
import { lineItem, lineQuantity, orderAt, remainderAt, sortTmpAt, valueAt } from './state';

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
