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

/** Sorts `count` u32 values at `base` ascending (plain values: no comparator calls). */
export function sortValues(base: usize, count: i32): void {
  sortPlain<u32>(base, count);
}

/** Sorts `count` u64 values at `base` ascending: keys that carry their order in their bits (./impacts.ts). */
export function sortWide(base: usize, count: i32): void {
  sortPlain<u64>(base, count);
}

function sortPlain<T>(base: usize, count: i32): void {
  let lo = 0;
  let hi = count - 1;
  // an explicit stack of ranges keeps this iterative
  const stack = memory.data(64 * 8, 8);
  let top = 0;
  while (true) {
    while (hi - lo > 16) {
      const mid = lo + ((hi - lo) >> 1);
      if (atT<T>(base, mid) < atT<T>(base, lo)) swapT<T>(base, mid, lo);
      if (atT<T>(base, hi) < atT<T>(base, lo)) swapT<T>(base, hi, lo);
      if (atT<T>(base, hi) < atT<T>(base, mid)) swapT<T>(base, hi, mid);
      const pivot = atT<T>(base, mid);
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (atT<T>(base, i) < pivot) i++;
        while (atT<T>(base, j) > pivot) j--;
        if (i <= j) {
          swapT<T>(base, i, j);
          i++;
          j--;
        }
      }
      // push the larger side, continue with the smaller: the stack stays within 64 ranges
      if (j - lo < hi - i) {
        store<i32>(stack + ((<usize>top) << 3), i);
        store<i32>(stack + ((<usize>top) << 3) + 4, hi);
        hi = j;
      } else {
        store<i32>(stack + ((<usize>top) << 3), lo);
        store<i32>(stack + ((<usize>top) << 3) + 4, j);
        lo = i;
      }
      top++;
    }
    for (let k = lo + 1; k <= hi; k++) {
      const v = atT<T>(base, k);
      let m = k - 1;
      while (m >= lo && atT<T>(base, m) > v) {
        putT<T>(base, m + 1, atT<T>(base, m));
        m--;
      }
      putT<T>(base, m + 1, v);
    }
    if (top == 0) return;
    top--;
    lo = load<i32>(stack + ((<usize>top) << 3));
    hi = load<i32>(stack + ((<usize>top) << 3) + 4);
  }
}

function atT<T>(base: usize, i: i32): T {
  return load<T>(base + <usize>i * sizeof<T>());
}

function putT<T>(base: usize, i: i32, v: T): void {
  store<T>(base + <usize>i * sizeof<T>(), v);
}

function swapT<T>(base: usize, i: i32, j: i32): void {
  const t = atT<T>(base, i);
  putT<T>(base, i, atT<T>(base, j));
  putT<T>(base, j, t);
}
