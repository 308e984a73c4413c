import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmModule } from '#wasm-source';
import { lineKey, type Cart } from '../../../src/domain/cart.js';
import type { Catalog } from '../../../src/domain/catalog.js';
import type { PromotionRules } from '../../../src/domain/promotions.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';
import type { Quote } from '../../../src/domain/quote.js';
import { PricingEngine } from '../../../src/wasm/pricing.js';
import { PlainPricingEngine } from '../../../bench/pricing/plain/engine.js';
import { quoteTimes, ruleSets, shops } from './arbitraries.js';
import { catalogOf, rulesOf } from './fixtures.js';
import { oracleQuote } from './oracle.js';

/** What both engines offer: the WASM engine and its plain-TypeScript peer in bench/pricing. */
interface Engine {
  load(catalog: Catalog, rules: PromotionRules): void;
  quote(cart: Cart, at: number): Quote;
}

const engines: Record<string, Engine> = {};

beforeAll(async () => {
  const catalog = catalogOf([{ id: 'p000', price: 1 }]);
  engines['WASM'] = new PricingEngine(await loadWasmModule('pricing'), catalog, rulesOf());
  engines['plain TypeScript'] = new PlainPricingEngine(catalog, rulesOf());
});

/** Figures, codes and statuses: what engine and oracle must agree on (messages are prose). */
const figures = (quote: Quote) => ({
  ...quote,
  coupons: quote.coupons.map(({ code, status }) => ({ code, status })),
  errors: quote.errors.map(({ line, code }) => ({ line, code })),
});

function expectInvariants(quote: Quote): void {
  expect(quote.total).toBe(quote.subtotal - quote.discountTotal + quote.shipping.price);
  expect(quote.total).toBeGreaterThanOrEqual(0);
  expect(quote.vat.reduce((s, r) => s + r.gross, 0)).toBe(quote.total);
  for (const row of quote.vat) expect(row.net + row.tax).toBe(row.gross);
  expect(quote.lines.reduce((s, l) => s + l.listTotal, 0)).toBe(quote.subtotal);
  expect(quote.lines.reduce((s, l) => s + l.discount, 0)).toBe(quote.discountTotal);
  expect(quote.discounts.reduce((s, d) => s + d.amount, 0)).toBe(quote.discountTotal);
  for (const line of quote.lines) {
    expect(line.total).toBe(line.listTotal - line.discount);
    expect(line.listTotal).toBe(line.unitPrice * line.quantity);
    expect(line.discount).toBeGreaterThanOrEqual(0);
    expect(line.discount).toBeLessThanOrEqual(line.listTotal);
    expect(line.adjustments.reduce((s, a) => s + a.amount, 0)).toBe(line.discount);
    for (const a of line.adjustments) expect(a.amount).toBeGreaterThan(0);
  }
}

/** Fisher-Yates driven by a small LCG, so a failing case replays from its seed. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe.each(['WASM', 'plain TypeScript'])('%s pricing engine against the oracle', (name) => {
  it('agrees with the BigInt oracle on random catalogs, rule sets and carts, and keeps every invariant', () => {
    fc.assert(
      fc.property(shops, ruleSets, quoteTimes, ([catalog, cart], input, at) => {
        const rules = parseRules(input);
        const engine = engines[name]!;
        engine.load(catalog, rules);
        const quote = engine.quote(cart, at);
        expect(figures(quote)).toEqual(figures(oracleQuote(catalog, rules, cart, at)));
        expectInvariants(quote);
      }),
      { numRuns: 2500 },
    );
  }, 30_000);

  it('gives every line the same figures whatever the order of the cart lines', () => {
    fc.assert(
      fc.property(shops, ruleSets, quoteTimes, fc.nat(), ([catalog, cart], input, at, seed) => {
        const engine = engines[name]!;
        engine.load(catalog, parseRules(input));
        const shuffled: Cart = { ...cart, lines: shuffle(cart.lines, seed) };
        const byKey = (q: Quote) => [...q.lines].sort((a, b) => lineKey(a).localeCompare(lineKey(b)));
        const before = engine.quote(cart, at),
          after = engine.quote(shuffled, at);
        expect(byKey(after)).toEqual(byKey(before));
        expect({ ...after, lines: [], errors: [] }).toEqual({ ...before, lines: [], errors: [] });
        expect(after.errors.map((e) => e.code).sort()).toEqual(before.errors.map((e) => e.code).sort());
      }),
      { numRuns: 800 },
    );
  }, 30_000);
});
