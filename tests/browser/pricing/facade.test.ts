import { describe, expect, it } from 'vitest';
import { WasmTrapError } from '../../../src/wasm/errors.js';
import { createPricingEngine } from '../../../src/wasm/pricing.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';
import { catalog, rules } from './fixtures.js';

const at = Date.parse('2026-11-25T12:00:00+01:00');

describe('pricing engine in Chromium', () => {
  it('prices a mixed-rate cart to the cent with the streamed release module', async () => {
    const engine = await createPricingEngine(catalog, rules);
    const quote = engine.quote(
      {
        lines: [
          { productId: 'lampe', quantity: 1 },
          { productId: 'buch', quantity: 2 },
        ],
        coupons: ['willkommen5'],
        shipping: 'standard',
      },
      at,
    );
    // 2400 - 240 + 1600 = 3760 goods; shipping 495 split 284 / 211.
    expect(quote).toMatchObject({
      subtotal: 4000,
      discountTotal: 240,
      shipping: { method: 'standard', price: 495, freeFrom: 5000, remainingForFree: 1240 },
      total: 4255,
      vat: [
        { rate: 19, gross: 2444, net: 2054, tax: 390 },
        { rate: 7, gross: 1811, net: 1693, tax: 118 },
      ],
      coupons: [{ code: 'WILLKOMMEN5', status: 'minimum-not-reached' }],
    });
  });

  it('recovers from a trap and prices the next cart', async () => {
    const products = Array.from({ length: 50_000 }, (_, i) => ({
      ...catalog.products[0]!,
      id: `p${i}`,
      slug: `p${i}`,
    }));
    const big = { ...catalog, products };
    const many = parseRules({
      version: 1,
      shipping: { standard: 0, express: 0 },
      promotions: Array.from({ length: 200 }, (_, i) => ({
        id: `p-${i}`,
        label: `${i}`,
        type: 'percentage',
        percent: 1,
      })),
      coupons: [],
    });
    const engine = await createPricingEngine(big, many, { maxLines: 60_000, log: () => {} });
    expect(() =>
      engine.quote(
        { lines: products.map((p) => ({ productId: p.id, quantity: 1 })), coupons: [], shipping: 'standard' },
        at,
      ),
    ).toThrow(WasmTrapError);
    const after = engine.quote({ lines: [{ productId: 'p7', quantity: 2 }], coupons: [], shipping: 'standard' }, at);
    expect(after.subtotal).toBe(4800);
    expect(after.total).toBe(after.lines[0]!.total);
  });
});
