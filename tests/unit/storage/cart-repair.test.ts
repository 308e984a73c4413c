import { ID_PATTERN } from '../../../src/domain/catalog.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { repairCart, withoutUnknownProducts } from '../../../src/storage/cart-repair.js';
import { MAX_QUANTITY, SHIPPING_METHODS, lineKey } from '../../../src/domain/cart.js';

describe('repairing a stored cart', () => {
  it('keeps a sound cart exactly as it is, without a notice', () => {
    const cart = {
      lines: [
        { productId: 'p00001', quantity: 2 },
        { productId: 'p00002', variantId: 'v1', quantity: 1 },
      ],
      coupons: ['WILLKOMMEN10'],
      shipping: 'express',
    };
    expect(repairCart(cart)).toEqual({ cart, problems: [] });
  });

  it('treats a missing record as an empty cart and anything else unreadable as damage', () => {
    expect(repairCart(undefined).problems).toEqual([]);
    for (const junk of [null, 42, 'cart', [1, 2]]) {
      const { cart, problems } = repairCart(junk);
      expect(cart.lines).toEqual([]);
      expect(problems[0]).toMatch(/beschädigt/);
    }
  });

  it('drops broken lines, clamps quantities and merges duplicates, saying so', () => {
    const { cart, problems } = repairCart({
      lines: [
        { productId: 'p00001', quantity: 2.7 },
        { productId: 'p00001', quantity: 1 },
        { productId: 'p00002', quantity: 5000 },
        { productId: '<script>', quantity: 1 },
        { productId: 'p00003', quantity: 0 },
        { productId: 'p00004', quantity: '3' },
        'p00005',
      ],
      coupons: [' SOMMER ', 'SOMMER', 7, ''],
      shipping: 'teleport',
    });
    expect(cart).toEqual({
      lines: [
        { productId: 'p00001', quantity: 3 },
        { productId: 'p00002', quantity: MAX_QUANTITY },
      ],
      coupons: ['SOMMER'],
      shipping: 'standard',
    });
    expect(problems).toEqual([
      '4 beschädigte Positionen im Warenkorb wurden entfernt.',
      'Ungültige Mengen im Warenkorb wurden korrigiert.',
    ]);
  });

  it('turns any value whatsoever into a valid cart and never throws', () => {
    const line = fc.record(
      {
        productId: fc.oneof(fc.string(), fc.constantFrom('p00001', 'p00002')),
        variantId: fc.anything(),
        quantity: fc.anything(),
      },
      { requiredKeys: [] },
    );
    const record = fc.oneof(
      fc.anything(),
      fc.record(
        { lines: fc.array(fc.oneof(line, fc.anything())), coupons: fc.anything(), shipping: fc.anything() },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(record, (raw) => {
        const { cart } = repairCart(raw);
        const keys = cart.lines.map(lineKey);
        expect(new Set(keys).size).toBe(keys.length);
        for (const l of cart.lines) {
          expect(Number.isInteger(l.quantity) && l.quantity >= 1 && l.quantity <= MAX_QUANTITY).toBe(true);
          expect(l.productId).toMatch(ID_PATTERN);
        }
        expect(SHIPPING_METHODS).toContain(cart.shipping);
        expect(cart.coupons.every((c) => typeof c === 'string' && c.length > 0)).toBe(true);
        // Repairing is idempotent: a repaired cart is a sound one.
        expect(repairCart(cart).problems).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dropping products the catalog no longer has', () => {
  const catalog = {
    product: (id: string) =>
      ({ p1: {}, p2: { variants: [{ id: 'm' }, { id: 'l' }] } })[id] as { variants?: { id: string }[] } | undefined,
  };

  it('keeps known products and variants and drops the rest with a notice', () => {
    const cart = {
      lines: [
        { productId: 'p1', quantity: 1 },
        { productId: 'p2', variantId: 'm', quantity: 1 },
        { productId: 'p2', variantId: 'xxl', quantity: 1 },
        { productId: 'p2', quantity: 1 },
        { productId: 'gone', quantity: 1 },
      ],
      coupons: [],
      shipping: 'standard' as const,
    };
    const { cart: kept, problems } = withoutUnknownProducts(cart, catalog);
    expect(kept.lines.map(lineKey)).toEqual(['p1', 'p2:m']);
    expect(problems).toEqual(['3 Artikel aus Ihrem Warenkorb sind nicht mehr im Sortiment und wurden entfernt.']);
  });
});
