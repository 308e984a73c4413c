// Instants as epoch milliseconds (i64), the way the rules file writes them (ISO 8601 with an
// offset), and the calendar day in Berlin that coupon messages name.

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: i64, month: i64, day: i64): i64 {
  const y = month <= 2 ? year - 1 : year;
  const era = (y >= 0 ? y : y - 399) / 400;
  const yoe = y - era * 400;
  const doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day count since the epoch. */
export function civilFromDays(days: i64): StaticArray<i64> {
  const z = days + 719468;
  const era = (z >= 0 ? z : z - 146096) / 146097;
  const doe = z - era * 146097;
  const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const mp = (5 * doy + 2) / 153;
  const day = doy - (153 * mp + 2) / 5 + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day];
}

const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;

function floorDiv(a: i64, b: i64): i64 {
  const q = a / b;
  return (a % b != 0 && a < 0) != b < 0 ? q - 1 : q;
}

function lastSunday(year: i64, month: i64): i64 {
  const last = daysFromCivil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - 1;
  return last - ((last + 4) % 7); // 1970-01-01 was a Thursday
}

/** Germany's offset from UTC at `ms`: summer time from the last Sunday of March, 01:00 UTC. */
function berlinOffset(ms: i64): i64 {
  const year = civilFromDays(floorDiv(ms, DAY_MS))[0];
  if (year < 1981) return HOUR_MS;
  const start = lastSunday(year, 3) * DAY_MS + HOUR_MS;
  const end = lastSunday(year, year < 1996 ? 9 : 10) * DAY_MS + HOUR_MS;
  return ms >= start && ms < end ? 2 * HOUR_MS : HOUR_MS;
}

function pad(n: i64, width: i32): string {
  let s = n.toString();
  while (s.length < width) s = '0' + s;
  return s;
}

/** "31.08.2026": the day in Berlin, as Intl.DateTimeFormat('de-DE', 2-digit day and month) writes it. */
export function berlinDay(ms: i64): string {
  const date = civilFromDays(floorDiv(ms + berlinOffset(ms), DAY_MS));
  return `${pad(date[2], 2)}.${pad(date[1], 2)}.${pad(date[0], 4)}`;
}

let text = '';
let at = 0;

function number(width: i32): i32 {
  let n = 0;
  for (let i = 0; i < width; i++) {
    const c = at < text.length ? text.charCodeAt(at) - 0x30 : -1;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
    at++;
  }
  return n;
}

function expect(c: i32): bool {
  if (at >= text.length || text.charCodeAt(at) != c) return false;
  at++;
  return true;
}

/** Sentinel for a text that is not an instant. */
export const NOT_AN_INSTANT: i64 = i64.MIN_VALUE;

/**
 * Parses `2026-08-31T23:59:59+02:00` (seconds and fraction optional, `Z` or an offset required)
 * or, when `dateOnly` is allowed, `2026-08-31` (midnight UTC, as Date.parse reads it).
 */
export function parseInstant(value: string, dateOnly: bool = false): i64 {
  text = value;
  at = 0;
  const year = number(4);
  if (year < 0 || !expect(0x2d)) return NOT_AN_INSTANT;
  const month = number(2);
  if (month < 1 || month > 12 || !expect(0x2d)) return NOT_AN_INSTANT;
  const day = number(2);
  const days = daysFromCivil(year, month, day);
  if (day < 1 || civilFromDays(days)[2] != day) return NOT_AN_INSTANT;
  if (at == text.length) return dateOnly ? days * DAY_MS : NOT_AN_INSTANT;
  if (!expect(0x54)) return NOT_AN_INSTANT;
  const hour = number(2);
  if (hour < 0 || hour > 23 || !expect(0x3a)) return NOT_AN_INSTANT;
  const minute = number(2);
  if (minute < 0 || minute > 59) return NOT_AN_INSTANT;
  let second = 0;
  let millis = 0;
  if (expect(0x3a)) {
    second = number(2);
    if (second < 0 || second > 59) return NOT_AN_INSTANT;
    if (expect(0x2e)) {
      let scale = 100;
      let seen = 0;
      while (at < text.length && text.charCodeAt(at) >= 0x30 && text.charCodeAt(at) <= 0x39) {
        millis += (text.charCodeAt(at) - 0x30) * scale;
        scale /= 10;
        at++;
        seen++;
      }
      if (seen == 0) return NOT_AN_INSTANT;
    }
  }
  let offset: i64 = 0;
  if (!expect(0x5a)) {
    const sign = expect(0x2b) ? 1 : expect(0x2d) ? -1 : 0;
    if (sign == 0) return NOT_AN_INSTANT;
    const oh = number(2);
    expect(0x3a);
    const om = number(2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NOT_AN_INSTANT;
    offset = <i64>sign * (<i64>oh * HOUR_MS + <i64>om * 60_000);
  }
  if (at != text.length) return NOT_AN_INSTANT;
  return days * DAY_MS + <i64>hour * HOUR_MS + <i64>minute * 60_000 + <i64>second * 1000 + <i64>millis - offset;
}
