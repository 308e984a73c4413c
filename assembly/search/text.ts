// Text rules shared by indexing, querying and highlighting, so all three agree on what a word is.
// A word is folded to one canonical form: lower case, diacritics dropped, ß -> ss, and the German
// transliterations ae/oe/ue collapsed (as Lucene's GermanNormalizationFilter does), so that
// "Kaffeemühle", "kaffeemuhle" and "kaffeemuehle" all become "kaffeemuhle".

/** Longer words are cut: nothing in a catalog is longer, and it bounds the work per word. */
export const MAX_WORD: i32 = 32;

/** Fold buffer: at most 2 code units per input unit (ß -> ss). */
export const FOLD_BUF: usize = memory.data(MAX_WORD * 2 * 2 + 16, 8);
export let foldLen: i32 = 0;

const NONE: u32 = 0;

/** True for code units that belong to a word; everything else separates words. */
export function isWordUnit(c: u32): bool {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c < 0xc0) return false; // Latin-1 punctuation and symbols, NBSP
  if (c == 0xd7 || c == 0xf7) return false; // × ÷
  if (c >= 0x2000 && c < 0x2c00) return false; // general punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c < 0x3040) return false; // CJK punctuation
  if (c >= 0xd800 && c < 0xe000) return false; // surrogates: emoji and other astral symbols
  if (c >= 0xe000 && c < 0xf900) return false; // private use
  if (c >= 0xfe00 && c < 0xfe10) return false; // variation selectors
  if (c >= 0xff00 && c < 0xff10) return false; // full-width punctuation
  if (c == 0xfeff || c >= 0xfff0) return false;
  return true;
}

/** Combining marks vanish inside a word (decomposed "u" + U+0308 meets "ü"). */
function isCombining(c: u32): bool {
  return c >= 0x300 && c < 0x370;
}

// Latin Extended-A (U+0100..U+017F) folded to ASCII base letters; '1' marks œ (-> "oe").
const LATIN_EXT_A =
  'aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooo11rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs';

function emit(c: u32): void {
  store<u16>(FOLD_BUF + ((<usize>foldLen) << 1), <u16>c);
  foldLen++;
}

/** Appends the folded form of one code unit to the fold buffer. */
function foldUnit(c: u32): void {
  if (c < 0x80) {
    emit(c >= 0x41 && c <= 0x5a ? c + 32 : c);
    return;
  }
  if (c >= 0xc0 && c <= 0xff) {
    if (c == 0xdf) {
      emit(0x73);
      emit(0x73);
      return;
    } // ß
    const l = c >= 0xe0 ? c : c + 32; // Latin-1 capitals sit 32 below their small letters
    if (l <= 0xe5)
      emit(0x61); // à..å
    else if (l == 0xe6) {
      emit(0x61);
      emit(0x65);
    } // æ
    else if (l == 0xe7) emit(0x63);
    else if (l <= 0xeb) emit(0x65);
    else if (l <= 0xef) emit(0x69);
    else if (l == 0xf0) emit(0x64);
    else if (l == 0xf1) emit(0x6e);
    else if (l <= 0xf6 || l == 0xf8) emit(0x6f);
    else if (l <= 0xfc) emit(0x75);
    else if (l == 0xfd || l == 0xff) emit(0x79);
    else if (l == 0xfe) {
      emit(0x74);
      emit(0x68);
    } // þ
    else emit(l);
    return;
  }
  if (c >= 0x100 && c < 0x180) {
    const base = <u32>LATIN_EXT_A.charCodeAt(<i32>(c - 0x100));
    if (base == 0x31) {
      emit(0x6f);
      emit(0x65);
    } else emit(base);
    return;
  }
  if (c == 0x1e9e) {
    emit(0x73);
    emit(0x73);
    return;
  } // capital ẞ
  if (c >= 0x391 && c <= 0x3a9) {
    emit(c + 32);
    return;
  } // Greek capitals
  if (c >= 0x410 && c <= 0x42f) {
    emit(c + 32);
    return;
  } // Cyrillic capitals
  if (c >= 0x400 && c <= 0x40f) {
    emit(c + 80);
    return;
  }
  if (c >= 0xff21 && c <= 0xff3a) {
    emit(c - 0xff21 + 0x61);
    return;
  } // full-width Latin
  if (c >= 0xff41 && c <= 0xff5a) {
    emit(c - 0xff41 + 0x61);
    return;
  }
  emit(c);
}

/**
 * Folds the word at `ptr` (UTF-16, `len` units, all word units or combining marks) into FOLD_BUF.
 * Returns the folded length (also in `foldLen`).
 */
export function foldWord(ptr: usize, len: i32): i32 {
  foldLen = 0;
  for (let i = 0; i < len && foldLen < MAX_WORD; i++) {
    const c = <u32>load<u16>(ptr + ((<usize>i) << 1));
    if (isCombining(c)) continue;
    foldUnit(c);
  }
  if (foldLen > MAX_WORD) foldLen = MAX_WORD;
  // ae/oe/ue -> a/o/u (not "que": Quelle stays), as umlauts without the dots are written.
  let w = 0;
  for (let r = 0; r < foldLen; r++) {
    const c = <u32>load<u16>(FOLD_BUF + ((<usize>r) << 1));
    if (c == 0x65 && w > 0) {
      const prev = <u32>load<u16>(FOLD_BUF + ((<usize>(w - 1)) << 1));
      const beforePrev = w > 1 ? <u32>load<u16>(FOLD_BUF + ((<usize>(w - 2)) << 1)) : NONE;
      if (prev == 0x61 || prev == 0x6f || (prev == 0x75 && beforePrev != 0x71)) continue;
    }
    store<u16>(FOLD_BUF + ((<usize>w) << 1), <u16>c);
    w++;
  }
  foldLen = w;
  return w;
}

function unitAt(ptr: usize, i: i32): u32 {
  return <u32>load<u16>(ptr + ((<usize>i) << 1));
}

function endsWith(ptr: usize, len: i32, a: u32, b: u32, c: u32, n: i32): bool {
  if (len < n) return false;
  if (n == 3 && unitAt(ptr, len - 3) != a) return false;
  if (n >= 2 && unitAt(ptr, len - 2) != (n == 3 ? b : a)) return false;
  const last = n == 3 ? c : n == 2 ? b : a;
  return unitAt(ptr, len - 1) == last;
}

function hasDigit(ptr: usize, len: i32): bool {
  for (let i = 0; i < len; i++) {
    const c = unitAt(ptr, i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/**
 * A light German/English stemmer: strips one inflection suffix (-ern, -en, -er, -es, -em, -e, -s,
 * -n), keeping at least three units. The stem is always a prefix of the folded word, so the index
 * stores only its length. Numbers and measures ("500g") are left alone.
 */
export function stemLength(ptr: usize, len: i32): i32 {
  if (len < 4 || hasDigit(ptr, len)) return len;
  const e: u32 = 0x65,
    r: u32 = 0x72,
    n: u32 = 0x6e,
    s: u32 = 0x73,
    m: u32 = 0x6d;
  if (len - 3 >= 4 && endsWith(ptr, len, e, r, n, 3)) return len - 3;
  if (len - 2 >= 3) {
    if (endsWith(ptr, len, e, n, 0, 2) || endsWith(ptr, len, e, r, 0, 2)) return len - 2;
    if (endsWith(ptr, len, e, s, 0, 2) || endsWith(ptr, len, e, m, 0, 2)) return len - 2;
  }
  if (len - 1 >= 3) {
    const last = unitAt(ptr, len - 1);
    if (last == e || last == s || last == n) return len - 1;
  }
  return len;
}

/** Lower case without folding: how a word is shown back ("Meinten Sie …?"). */
export function lowerUnit(c: u32): u32 {
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
  if (c >= 0x391 && c <= 0x3a9) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  return c;
}

/** End of the word found by the last `nextWord`. */
export let wordEnd: i32 = 0;

/** Start of the next word in `ptr[from..len)`, or -1; its end goes to `wordEnd`. */
export function nextWord(ptr: usize, len: i32, from: i32): i32 {
  let i = from;
  while (i < len && !isWordUnit(unitAt(ptr, i))) i++;
  if (i >= len) return -1;
  let j = i + 1;
  while (j < len) {
    const c = unitAt(ptr, j);
    if (!isWordUnit(c) && !isCombining(c)) break;
    j++;
  }
  wordEnd = j;
  return i;
}
