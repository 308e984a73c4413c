// A small JSON reader: the whole text becomes a tree of `Json` values. AssemblyScript has no
// exceptions, so a syntax error is reported through `jsonError` and a null result.

export const NULL: u8 = 0;
export const BOOL: u8 = 1;
export const NUMBER: u8 = 2;
export const STRING: u8 = 3;
export const ARRAY: u8 = 4;
export const OBJECT: u8 = 5;

// Scalars share these (they never grow): a catalog has millions of scalars, and the runtime
// never frees, so two empty arrays each would double what a large catalog needs.
const NO_ITEMS: Json[] = [];
const NO_KEYS: string[] = [];

export class Json {
  kind: u8 = NULL;
  bool: bool = false;
  num: f64 = 0;
  str: string = '';
  /** Array elements, or object values in the order of `keys`. */
  items: Json[] = NO_ITEMS;
  keys: string[] = NO_KEYS;

  /** An object's member; null when absent or when this is not an object. */
  get(key: string): Json | null {
    if (this.kind != OBJECT) return null;
    // The last duplicate wins, as in JSON.parse.
    for (let i = this.keys.length - 1; i >= 0; i--) if (this.keys[i] == key) return this.items[i];
    return null;
  }
}

export let jsonError: string = '';

let text: string = '';
let at: i32 = 0;
let skipped: Set<string> = new Set<string>();

function fail(message: string): Json | null {
  if (jsonError.length == 0) jsonError = `${message} at position ${at}`;
  return null;
}

function failed(message: string): bool {
  fail(message);
  return false;
}

function code(): i32 {
  return at < text.length ? text.charCodeAt(at) : -1;
}

function skipSpace(): void {
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c != 0x20 && c != 0x09 && c != 0x0a && c != 0x0d) return;
    at++;
  }
}

/**
 * Parses a whole document; null (and `jsonError`) when it is not valid JSON. Members named in
 * `skip` are checked for syntax but not kept: a catalog's descriptions and images would otherwise
 * take most of the memory, which this runtime never frees.
 */
export function parseJson(source: string, skip: Set<string> = new Set<string>()): Json | null {
  text = source;
  at = 0;
  jsonError = '';
  skipped = skip;
  const value = readValue(0);
  if (value == null) return null;
  skipSpace();
  if (at < text.length) return fail('unexpected text after the JSON value');
  return value;
}

function readValue(depth: i32): Json | null {
  if (depth > 64) return fail('nested too deeply');
  skipSpace();
  const c = code();
  if (c == 0x7b) return readObject(depth);
  if (c == 0x5b) return readArray(depth);
  if (c == 0x22) {
    const s = readString();
    if (s == null) return null;
    const value = new Json();
    value.kind = STRING;
    value.str = s;
    return value;
  }
  if (c == 0x2d || (c >= 0x30 && c <= 0x39)) return readNumber();
  const value = new Json();
  if (text.startsWith('true', at)) {
    value.kind = BOOL;
    value.bool = true;
    at += 4;
  } else if (text.startsWith('false', at)) {
    value.kind = BOOL;
    at += 5;
  } else if (text.startsWith('null', at)) {
    at += 4;
  } else return fail(c < 0 ? 'unexpected end of JSON' : 'unexpected character');
  return value;
}

function readObject(depth: i32): Json | null {
  const value = new Json();
  value.kind = OBJECT;
  value.items = [];
  value.keys = [];
  at++;
  skipSpace();
  if (code() == 0x7d) {
    at++;
    return value;
  }
  while (true) {
    skipSpace();
    if (code() != 0x22) return fail('expected a quoted key');
    const key = readString();
    if (key == null) return null;
    skipSpace();
    if (code() != 0x3a) return fail("expected ':'");
    at++;
    if (skipped.has(key)) {
      if (!skipValue(depth + 1)) return null;
    } else {
      const item = readValue(depth + 1);
      if (item == null) return null;
      value.keys.push(key);
      value.items.push(item);
    }
    skipSpace();
    const c = code();
    at++;
    if (c == 0x7d) return value;
    if (c != 0x2c) return fail("expected ',' or '}'");
  }
}

function readArray(depth: i32): Json | null {
  const value = new Json();
  value.kind = ARRAY;
  value.items = [];
  at++;
  skipSpace();
  if (code() == 0x5d) {
    at++;
    return value;
  }
  while (true) {
    const item = readValue(depth + 1);
    if (item == null) return null;
    value.items.push(item);
    skipSpace();
    const c = code();
    at++;
    if (c == 0x5d) return value;
    if (c != 0x2c) return fail("expected ',' or ']'");
  }
}

function hex(c: i32): i32 {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

function readString(): string | null {
  at++;
  let out = '';
  let start = at;
  while (true) {
    const c = code();
    if (c < 0) {
      fail('unterminated string');
      return null;
    }
    if (c == 0x22) break;
    if (c < 0x20) {
      fail('control character in string');
      return null;
    }
    if (c != 0x5c) {
      at++;
      continue;
    }
    out += text.substring(start, at);
    at++;
    const e = code();
    at++;
    if (e == 0x22 || e == 0x5c || e == 0x2f) out += String.fromCharCode(e);
    else if (e == 0x62) out += '\b';
    else if (e == 0x66) out += '\f';
    else if (e == 0x6e) out += '\n';
    else if (e == 0x72) out += '\r';
    else if (e == 0x74) out += '\t';
    else if (e == 0x75) {
      let unit = 0;
      for (let i = 0; i < 4; i++) {
        const h = hex(code());
        if (h < 0) {
          fail('bad \\u escape');
          return null;
        }
        unit = (unit << 4) | h;
        at++;
      }
      out += String.fromCharCode(unit);
    } else {
      fail('bad escape');
      return null;
    }
    start = at;
  }
  out += text.substring(start, at);
  at++;
  return out;
}

function digits(): i32 {
  const start = at;
  while (code() >= 0x30 && code() <= 0x39) at++;
  return at - start;
}

function readNumber(): Json | null {
  const start = at;
  if (code() == 0x2d) at++;
  const first = code();
  const whole = digits();
  if (whole == 0 || (first == 0x30 && whole > 1)) return fail('bad number');
  if (code() == 0x2e) {
    at++;
    if (digits() == 0) return fail('bad number');
  }
  if (code() == 0x65 || code() == 0x45) {
    at++;
    if (code() == 0x2b || code() == 0x2d) at++;
    if (digits() == 0) return fail('bad number');
  }
  const value = new Json();
  value.kind = NUMBER;
  value.num = parseFloat(text.substring(start, at));
  return value;
}

/** Steps over one value, checking its syntax, without building anything. */
function skipValue(depth: i32): bool {
  if (depth > 64) return failed('nested too deeply');
  skipSpace();
  const c = code();
  if (c == 0x22) return skipString();
  if (c == 0x7b || c == 0x5b) {
    const close = c == 0x7b ? 0x7d : 0x5d;
    at++;
    skipSpace();
    if (code() == close) {
      at++;
      return true;
    }
    while (true) {
      if (c == 0x7b) {
        skipSpace();
        if (code() != 0x22 || !skipString()) return failed('expected a quoted key');
        skipSpace();
        if (code() != 0x3a) return failed("expected ':'");
        at++;
      }
      if (!skipValue(depth + 1)) return false;
      skipSpace();
      const next = code();
      at++;
      if (next == close) return true;
      if (next != 0x2c) return failed(c == 0x7b ? "expected ',' or '}'" : "expected ',' or ']'");
    }
  }
  // Numbers and literals are small: read them the ordinary way.
  return readValue(depth) != null;
}

function skipString(): bool {
  at++;
  while (true) {
    const c = code();
    if (c < 0) return failed('unterminated string');
    if (c < 0x20) return failed('control character in string');
    at++;
    if (c == 0x22) return true;
    if (c == 0x5c) {
      const e = code();
      if (e == 0x75) {
        for (let i = 1; i <= 4; i++) if (hex(text.charCodeAt(at + i)) < 0) return failed('bad \\u escape');
        at += 5;
      } else if (e == 0x22 || e == 0x5c || e == 0x2f || e == 0x62 || e == 0x66 || e == 0x6e || e == 0x72 || e == 0x74) {
        at++;
      } else return failed('bad escape');
    }
  }
}
