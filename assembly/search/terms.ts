// Lookups in the sorted term dictionary of the loaded image: exact, prefix range, stem and
// reversed-stem (compound head) ranges. All are binary searches; nothing scans the dictionary.

import * as img from './image';

function keyUnit(key: usize, i: i32): i32 {
  return <i32>load<u16>(key + ((<usize>i) << 1));
}

/** Term `t` against the key, over the first `n` units of the term (all of it when n < 0). */
export function compareTerm(t: u32, key: usize, keyLen: i32, n: i32): i32 {
  const len = n < 0 ? img.termLen(t) : min(n, img.termLen(t));
  const ptr = img.termPtr(t);
  const common = min(len, keyLen);
  for (let i = 0; i < common; i++) {
    const d = <i32>load<u16>(ptr + ((<usize>i) << 1)) - keyUnit(key, i);
    if (d != 0) return d;
  }
  return len - keyLen;
}

/** First term not below the key. */
export function lowerBound(key: usize, keyLen: i32): u32 {
  let lo: u32 = 0;
  let hi = img.termCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareTerm(mid, key, keyLen, -1) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function findTerm(key: usize, keyLen: i32): i32 {
  const at = lowerBound(key, keyLen);
  if (at < img.termCount && compareTerm(at, key, keyLen, -1) == 0) return <i32>at;
  return -1;
}

/** First term at or after `from` whose first `keyLen` units are above the key (the prefix range's end). */
export function prefixEnd(from: u32, key: usize, keyLen: i32): u32 {
  let lo = from;
  let hi = img.termCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareTerm(mid, key, keyLen, keyLen) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function orderAt(order: usize, i: u32): u32 {
  return load<u32>(order + ((<usize>i) << 2));
}

function compareStem(t: u32, key: usize, keyLen: i32): i32 {
  const len = img.stemLenOf(t);
  const common = min(len, keyLen);
  for (let i = 0; i < common; i++) {
    const d = <i32>img.termUnit(t, i) - keyUnit(key, i);
    if (d != 0) return d;
  }
  return len - keyLen;
}

/** Range [stemFrom, return) in stemOrder of terms whose stem equals the key. */
export let stemFrom: u32 = 0;
export function stemRange(key: usize, keyLen: i32): u32 {
  let lo: u32 = 0;
  let hi = img.termCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStem(orderAt(img.stemOrder, mid), key, keyLen) < 0) lo = mid + 1;
    else hi = mid;
  }
  stemFrom = lo;
  let end = lo;
  while (end < img.termCount && compareStem(orderAt(img.stemOrder, end), key, keyLen) == 0) end++;
  return end;
}

/** Reversed stem of `t`, cut to the key's length, against the reversed key. */
function compareRevStem(t: u32, key: usize, keyLen: i32): i32 {
  const len = img.stemLenOf(t);
  const common = min(len, keyLen);
  for (let i = 1; i <= common; i++) {
    const d = <i32>img.termUnit(t, len - i) - keyUnit(key, keyLen - i);
    if (d != 0) return d;
  }
  return len >= keyLen ? 0 : -1;
}

/** Range [suffixFrom, return) in revOrder of terms whose stem ends with the key. */
export let suffixFrom: u32 = 0;
export function suffixRange(key: usize, keyLen: i32): u32 {
  let lo: u32 = 0;
  let hi = img.termCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRevStem(orderAt(img.revOrder, mid), key, keyLen) < 0) lo = mid + 1;
    else hi = mid;
  }
  suffixFrom = lo;
  hi = img.termCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRevStem(orderAt(img.revOrder, mid), key, keyLen) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
