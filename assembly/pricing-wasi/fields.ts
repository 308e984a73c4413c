// Reading typed fields out of parsed JSON; anything unexpected stops the command with a message
// that names the file and the field.
import { ARRAY, BOOL, Json, NUMBER, OBJECT, STRING } from './json';
import { refuseSetup } from './failure';

export function isInt(value: Json | null): bool {
  return (
    value != null &&
    value.kind == NUMBER &&
    value.num == Math.floor(value.num) &&
    Math.abs(value.num) <= 9007199254740991
  );
}

function kindName(kind: u8): string {
  if (kind == OBJECT) return 'an object';
  if (kind == ARRAY) return 'an array';
  if (kind == STRING) return 'a string';
  if (kind == NUMBER) return 'a number';
  if (kind == BOOL) return 'true or false';
  return 'null';
}

export function bad(where: string, message: string): void {
  refuseSetup(`${where}: ${message}`);
}

/** A member of `kind`; null when it is absent and `optional`. */
export function member(object: Json, key: string, kind: u8, where: string, optional: bool = false): Json | null {
  const value = object.get(key);
  if (value == null) {
    if (!optional) bad(where, `"${key}" is missing`);
    return null;
  }
  if (value.kind != kind) bad(`${where}.${key}`, `expected ${kindName(kind)}, found ${kindName(value.kind)}`);
  return value;
}

export function text(object: Json, key: string, where: string): string {
  return member(object, key, STRING, where)!.str;
}

export function optionalText(object: Json, key: string, where: string): string | null {
  const value = member(object, key, STRING, where, true);
  return value == null ? null : value.str;
}

/** An integer in [min, max], or `fallback` when absent (pass i64.MIN_VALUE to make it required). */
export function integer(
  object: Json,
  key: string,
  where: string,
  min: i64,
  max: i64,
  fallback: i64 = i64.MIN_VALUE,
): i64 {
  const value = object.get(key);
  if (value == null) {
    if (fallback == i64.MIN_VALUE) bad(where, `"${key}" is missing`);
    return fallback;
  }
  if (!isInt(value) || <i64>value.num < min || <i64>value.num > max) {
    bad(`${where}.${key}`, `expected a whole number from ${min} to ${max}`);
  }
  return <i64>value.num;
}

export function flag(object: Json, key: string, where: string, fallback: bool): bool {
  const value = member(object, key, BOOL, where, true);
  return value == null ? fallback : value.bool;
}

export function strings(value: Json | null, where: string): string[] {
  const out: string[] = [];
  if (value == null) return out;
  if (value.kind != ARRAY) bad(where, 'expected an array of strings');
  for (let i = 0; i < value.items.length; i++) {
    const item = value.items[i];
    if (item.kind != STRING) bad(`${where}[${i}]`, 'expected a string');
    out.push(item.str);
  }
  return out;
}
