import { z } from 'zod';
import { FULFILMENT_STATES } from '../../domain/fulfilment.js';
import type { Cursor, OrderFilter } from '../db/order-admin-store.js';
import { ORDER_ID } from '../orders/order-id.js';

const BERLIN = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Berlin's wall clock is ahead of UTC at `instant` (one or two hours). */
function berlinOffsetMs(instant: number): number {
  const part = Object.fromEntries(BERLIN.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(
    part['year']!,
    part['month']! - 1,
    part['day']!,
    part['hour']!,
    part['minute']!,
    part['second']!,
  );
  return wall - (instant - (instant % 1000));
}

/** The instant a Berlin calendar day (`YYYY-MM-DD`, plus `days`) begins, as ISO UTC. */
export function berlinDayStart(date: string, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d + days);
  let instant = midnightUtc - berlinOffsetMs(midnightUtc);
  instant = midnightUtc - berlinOffsetMs(instant);
  return new Date(instant).toISOString();
}

/** Today's date in Berlin at `now`, as `YYYY-MM-DD`. */
export function berlinToday(now: number): string {
  return new Date(now + berlinOffsetMs(now)).toISOString().slice(0, 10);
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ein Datum im Format JJJJ-MM-TT.', abort: true })
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, 'Kein gültiges Datum.');

// Letters, digits and what order numbers, e-mail addresses and names are made of. Quotes, semicolons,
// wildcards and the like have no business in a search and are refused rather than searched for.
const searchText = z
  .string()
  .max(100, 'Höchstens 100 Zeichen.')
  .regex(/^[\p{L}\p{M}\p{N} @.+_-]*$/u, 'Nur Buchstaben, Ziffern, Leerzeichen und @ . + _ - sind erlaubt.');

const cursorText = z
  .string()
  .max(100, 'Unbekannter Fortsetzungspunkt.')
  .transform((text, ctx): Cursor => {
    try {
      const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
      if (
        Array.isArray(value) &&
        typeof value[0] === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value[0]) &&
        typeof value[1] === 'string' &&
        ORDER_ID.test(value[1])
      ) {
        return { placedAt: value[0], id: value[1] };
      }
    } catch {
      // Reported below.
    }
    ctx.addIssue({ code: 'custom', message: 'Unbekannter Fortsetzungspunkt.' });
    return z.NEVER;
  });

export const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify([cursor.placedAt, cursor.id])).toString('base64url');

const filterFields = {
  q: searchText.optional(),
  state: z.enum(FULFILMENT_STATES, 'Unbekannter Status.').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export const listQuerySchema = z.strictObject({
  ...filterFields,
  after: cursorText.optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'Eine Zahl von 1 bis 100.')
    .transform(Number)
    .pipe(z.number().int().min(1, 'Eine Zahl von 1 bis 100.').max(100, 'Eine Zahl von 1 bis 100.'))
    .optional(),
});

export const csvQuerySchema = z.strictObject(filterFields);

/** The validated query as the store's filter: dates become the instants Berlin's days begin. */
export function toFilter(query: { q?: string; state?: OrderFilter['state']; from?: string; to?: string }): OrderFilter {
  const q = query.q?.trim().toLowerCase();
  return {
    ...(q ? { q } : {}),
    ...(query.state ? { state: query.state } : {}),
    ...(query.from ? { from: berlinDayStart(query.from) } : {}),
    ...(query.to ? { before: berlinDayStart(query.to, 1) } : {}),
  };
}
