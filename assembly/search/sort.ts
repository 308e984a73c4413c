// In-place quicksort of u32 ids with a comparator chosen by `mode` (no closures in hot loops).

export type Compare = (a: u32, b: u32) => i32;

function at(base: usize, i: i32): u32 {
  return load<u32>(base + ((<usize>i) << 2));
}

function put(base: usize, i: i32, v: u32): void {
  store<u32>(base + ((<usize>i) << 2), v);
}

/** Sorts `count` u32 at `base` ascending by `cmp` (ties keep no particular order). */
export function sortIds(base: usize, count: i32, cmp: Compare): void {
  quick(base, 0, count - 1, cmp);
}

function quick(base: usize, loIn: i32, hiIn: i32, cmp: Compare): void {
  let lo = loIn;
  let hi = hiIn;
  while (hi - lo > 16) {
    const mid = lo + ((hi - lo) >> 1);
    // median of three as pivot guards against sorted input
    if (cmp(at(base, mid), at(base, lo)) < 0) swap(base, mid, lo);
    if (cmp(at(base, hi), at(base, lo)) < 0) swap(base, hi, lo);
    if (cmp(at(base, hi), at(base, mid)) < 0) swap(base, hi, mid);
    const pivot = at(base, mid);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (cmp(at(base, i), pivot) < 0) i++;
      while (cmp(at(base, j), pivot) > 0) j--;
      if (i <= j) {
        swap(base, i, j);
        i++;
        j--;
      }
    }
    // recurse into the smaller side, loop on the larger: stack depth stays logarithmic
    if (j - lo < hi - i) {
      quick(base, lo, j, cmp);
      lo = i;
    } else {
      quick(base, i, hi, cmp);
      hi = j;
    }
  }
  for (let k = lo + 1; k <= hi; k++) {
    const v = at(base, k);
    let m = k - 1;
    while (m >= lo && cmp(at(base, m), v) > 0) {
      put(base, m + 1, at(base, m));
      m--;
    }
    put(base, m + 1, v);
  }
}

function swap(base: usize, i: i32, j: i32): void {
  const t = at(base, i);
  put(base, i, at(base, j));
  put(base, j, t);
}
