// Writing JSON the way JSON.stringify does for the quote: strings escaped, integers as integers.
import { ARRAY, BOOL, Json, NULL, NUMBER, OBJECT, STRING } from './json';

function hex4(unit: i32): string {
  let s = unit.toString(16);
  while (s.length < 4) s = '0' + s;
  return '\\u' + s;
}

export function quoteString(value: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let escaped = '';
    if (c == 0x22) escaped = '\\"';
    else if (c == 0x5c) escaped = '\\\\';
    else if (c == 0x0a) escaped = '\\n';
    else if (c == 0x0d) escaped = '\\r';
    else if (c == 0x09) escaped = '\\t';
    else if (c == 0x08) escaped = '\\b';
    else if (c == 0x0c) escaped = '\\f';
    else if (c < 0x20) escaped = hex4(c);
    else continue;
    out += value.substring(start, i) + escaped;
    start = i + 1;
  }
  return out + value.substring(start) + '"';
}

/** Builds one JSON object member by member, in the order they are added. */
export class ObjectWriter {
  private parts: string[] = [];

  raw(key: string, json: string): ObjectWriter {
    this.parts.push(quoteString(key) + ':' + json);
    return this;
  }

  str(key: string, value: string): ObjectWriter {
    return this.raw(key, quoteString(value));
  }

  int(key: string, value: i64): ObjectWriter {
    return this.raw(key, value.toString());
  }

  toString(): string {
    return '{' + this.parts.join(',') + '}';
  }
}

export function arrayOf(items: string[]): string {
  return '[' + items.join(',') + ']';
}

/** A number as JavaScript's String(n) writes it (integers without a fraction). */
export function numberText(n: f64): string {
  if (isNaN(n)) return 'NaN';
  if (!isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n == Math.floor(n) && Math.abs(n) < 1e21) return (<i64>n).toString();
  return n.toString();
}

/** What JavaScript's String(value) gives for a parsed JSON value, for messages about bad input. */
export function jsString(value: Json | null): string {
  if (value == null) return 'undefined';
  if (value.kind == NULL) return 'null';
  if (value.kind == BOOL) return value.bool ? 'true' : 'false';
  if (value.kind == NUMBER) return numberText(value.num);
  if (value.kind == STRING) return value.str;
  if (value.kind == OBJECT) return '[object Object]';
  assert(value.kind == ARRAY);
  const parts = new Array<string>(value.items.length);
  for (let i = 0; i < value.items.length; i++) {
    const item = value.items[i];
    parts[i] = item.kind == NULL ? '' : jsString(item);
  }
  return parts.join(',');
}
