import type { Random } from './random.js';

/** Shelf prices end in ,99 or ,95 or are round euros, as they do in German shops. */
const ENDINGS = [99, 99, 99, 95, 95, 0] as const;

/** A gross price in cents within [minEuro, maxEuro], leaning towards the cheaper end. */
export function shelfPrice(random: Random, minEuro: number, maxEuro: number): number {
  const euros = Math.floor(minEuro + (maxEuro - minEuro) * random.float() ** 1.6);
  return withEnding(euros, random.pick(ENDINGS));
}

/** The price of a larger pack: `multiplier` times the base, snapped back to a shelf ending. */
export function scaledPrice(baseCents: number, multiplier: number): number {
  const euros = Math.floor((baseCents * multiplier) / 100);
  return withEnding(euros, baseCents % 100);
}

function withEnding(euros: number, cents: number): number {
  // Never free: a round price is at least one euro.
  return cents === 0 ? Math.max(1, euros) * 100 : Math.max(0, euros) * 100 + cents;
}
