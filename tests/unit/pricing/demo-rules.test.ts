import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../src/catalog/generate.js';
import { demoRules } from '../../../src/domain/demo-rules.js';
import { targets } from '../../../src/domain/promotions.js';
import { createPricingEngine } from '../../../src/wasm/pricing.js';

const { catalog } = generateCatalog(320, 42);
const rules = demoRules(catalog);
const november = Date.parse('2026-11-25T12:00:00+01:00');

describe('the demo shop rules', () => {
  it('has every promotion type, and each targeted one covers products of the catalog', () => {
    expect(new Set(rules.promotions.map((p) => p.type))).toEqual(
      new Set(['percentage', 'order-amount', 'buy-x-get-y', 'volume-tiers', 'free-shipping']),
    );
    for (const p of rules.promotions) {
      if (!('target' in p) || !p.target) continue;
      expect(
        catalog.products.some((product) => targets(p.target, product)),
        p.id,
      ).toBe(true);
    }
  });

  it('answers WILLKOMMEN10, SOMMER and NEUJAHR27 as the coupon field will', async () => {
    const engine = await createPricingEngine(catalog, rules);
    const mug = catalog.products.find(
      (p) => p.category === 'kueche-haushalt' && !p.variants?.length && p.price >= 2000,
    )!;
    const quote = engine.quote(
      {
        lines: [{ productId: mug.id, quantity: 1 }],
        coupons: ['willkommen10', 'sommer', 'neujahr27', 'quatsch'],
        shipping: 'standard',
      },
      november,
    );
    expect(quote.coupons.map((c) => [c.code, c.status])).toEqual([
      ['WILLKOMMEN10', 'applied'],
      ['SOMMER', 'expired'],
      ['NEUJAHR27', 'not-yet-valid'],
      ['QUATSCH', 'unknown'],
    ]);
    expect(quote.discounts.map((d) => d.promotionId)).toEqual(['willkommen']);
  });

  it('never discounts books', async () => {
    const engine = await createPricingEngine(catalog, rules);
    const books = catalog.products
      .filter((p) => p.category === 'buecher' && !p.variants?.length && p.stock >= 2)
      .slice(0, 5);
    expect(books.length).toBeGreaterThan(0);
    const quote = engine.quote(
      { lines: books.map((b) => ({ productId: b.id, quantity: 2 })), coupons: ['WILLKOMMEN10'], shipping: 'standard' },
      november,
    );
    expect(quote.discountTotal).toBe(0);
  });
});
