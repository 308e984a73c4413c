import { describe, expect, it } from 'vitest';
import { loadWasmModule } from '#wasm-source';
import type { Cart } from '../../../src/domain/cart.js';
import { parseRulesText, RulesFormatError } from '../../../src/domain/promotion-rules.js';
import { WasmTrapError } from '../../../src/wasm/errors.js';
import { PricingEngine } from '../../../src/wasm/pricing.js';
import { AT, cartOf, catalogOf, engineFor, noShipping, rulesOf } from './fixtures.js';

const shop = catalogOf([
  { id: 'tasse', price: 1200, stock: 5 },
  {
    id: 'shirt',
    price: 1990,
    variants: [
      { id: 'm', stock: 3 },
      { id: 'l', price: 2190, stock: 0 },
    ],
  },
  { id: 'gold', price: 99_999_999 },
]);

describe('bad cart input', () => {
  it('reports each bad line in words and still prices the good ones', async () => {
    const engine = await engineFor(shop, rulesOf(noShipping));
    const cart = {
      lines: [
        { productId: 'tasse', quantity: 2 },
        { productId: 'nix', quantity: 1 },
        { productId: 'shirt', quantity: 1 },
        { productId: 'shirt', variantId: 'xl', quantity: 1 },
        { productId: 'tasse', variantId: 'm', quantity: 1 },
        { productId: 'shirt', variantId: 'm', quantity: 0 },
        { productId: 'shirt', variantId: 'm', quantity: 1.5 },
        { productId: 'shirt', variantId: 'l', quantity: 1 },
        { productId: 'gold', quantity: 1 },
        { productId: 'shirt', variantId: 'm', quantity: 2 },
      ],
      coupons: [],
      shipping: 'standard',
    } satisfies Cart;
    const quote = engine.quote(cart, AT);
    expect(quote.errors.map((e) => [e.line, e.code])).toEqual([
      [1, 'unknown-product'],
      [2, 'unknown-variant'],
      [3, 'unknown-variant'],
      [4, 'unknown-variant'],
      [5, 'invalid-quantity'],
      [6, 'invalid-quantity'],
      [7, 'above-stock'],
      [8, 'invalid-price'],
    ]);
    expect(quote.errors[1]!.message).toBe('Position 3: Bitte eine Variante von „Produkt shirt“ wählen.');
    expect(quote.errors[6]!.message).toBe('Position 8: Leider ausverkauft.');
    expect(quote.lines.map((l) => [l.productId, l.variantId, l.total])).toEqual([
      ['tasse', undefined, 2400],
      ['shirt', 'm', 3980],
    ]);
    expect(quote.total).toBe(6380);
  });

  it('adds up repeated lines for the same item before checking stock and the 999 limit', async () => {
    const engine = await engineFor(shop, rulesOf(noShipping));
    const quote = engine.quote(
      cartOf([
        { productId: 'tasse', quantity: 3 },
        { productId: 'tasse', quantity: 3 },
      ]),
      AT,
    );
    expect(quote.errors).toEqual([
      { line: 0, code: 'above-stock', message: 'Position 1: Nur noch 5 Stück auf Lager (gewünscht: 6).' },
      { line: 1, code: 'above-stock', message: 'Position 2: Nur noch 5 Stück auf Lager (gewünscht: 6).' },
    ]);
    const plenty = catalogOf([{ id: 'schraube', price: 5, stock: 5000 }]);
    const many = (await engineFor(plenty, rulesOf(noShipping))).quote(
      cartOf([
        { productId: 'schraube', quantity: 999 },
        { productId: 'schraube', quantity: 1 },
      ]),
      AT,
    );
    expect(many.errors.map((e) => e.code)).toEqual(['above-maximum', 'above-maximum']);
    expect(many.lines).toEqual([]);
  });

  it('refuses lines beyond the 500th', async () => {
    const big = catalogOf(Array.from({ length: 501 }, (_, i) => ({ id: `p${i}`, price: 100 })));
    const quote = (await engineFor(big, rulesOf(noShipping))).quote(
      cartOf(big.products.map((p) => ({ productId: p.id, quantity: 1 }))),
      AT,
    );
    expect(quote.lines).toHaveLength(500);
    expect(quote.errors).toEqual([
      { line: 500, code: 'too-many-lines', message: 'Position 501: Ein Warenkorb fasst höchstens 500 Positionen.' },
    ]);
    expect(quote.total).toBe(50_000);
  });
});

describe('malformed rules files', () => {
  it('names every offending field', () => {
    const text = JSON.stringify({
      version: 1,
      shipping: { standard: 495, express: -1 },
      promotions: [
        { id: 'a', label: 'A', type: 'percentage', percent: 150 },
        { id: 'a', label: 'B', type: 'bogo' },
      ],
      coupons: [{ code: 'X!', promotion: 'zzz' }],
    });
    let error: unknown;
    try {
      parseRulesText(text, 'shop/rules.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulesFormatError);
    const message = (error as Error).message;
    expect(message).toMatch(/^shop\/rules\.json is not a valid promotions file: /);
    for (const field of ['shipping.express', 'promotions[0].percent', 'promotions[1].type', 'coupons[0].code'])
      expect(message).toContain(field);
  });

  it('refuses what is not JSON, duplicate codes and dangling references', () => {
    expect(() => parseRulesText('{"version": 1,', 'rules.json')).toThrow(/rules\.json is not valid JSON/);
    const rules = {
      version: 1,
      shipping: { standard: 0, express: 0 },
      promotions: [{ id: 'a', label: 'A', type: 'free-shipping', threshold: 0 }],
    };
    expect(() =>
      parseRulesText(
        JSON.stringify({
          ...rules,
          coupons: [
            { code: 'abc', promotion: 'a' },
            { code: 'ABC', promotion: 'a' },
          ],
        }),
      ),
    ).toThrow(/coupons\[1\]\.code: duplicate code "ABC"/);
    expect(() => parseRulesText(JSON.stringify({ ...rules, coupons: [{ code: 'abc', promotion: 'b' }] }))).toThrow(
      /coupons\[0\]\.promotion: no promotion "b"/,
    );
  });
});

describe('after a trap', () => {
  it('throws a typed error, then writes its state into the fresh instance and prices again', async () => {
    // 50,000 distinct lines x 200 promotions need more adjustment space than the module may grow to (128 MiB).
    const products = Array.from({ length: 50_000 }, (_, i) => ({ id: `p${i}`, price: 100 + (i % 50) }));
    const huge = catalogOf(products);
    const promotions = Array.from({ length: 200 }, (_, i) => ({
      id: `p-${i}`,
      label: `${i}`,
      type: 'percentage' as const,
      percent: 1,
    }));
    const engine = new PricingEngine(await loadWasmModule('pricing'), huge, rulesOf({ ...noShipping, promotions }), {
      maxLines: 60_000,
      log: () => {},
    });
    const everything = cartOf(products.map((p) => ({ productId: p.id, quantity: 1 })));
    expect(() => engine.quote(everything, AT)).toThrow(WasmTrapError);
    expect(() => engine.quote(everything, AT)).toThrow(/pricing: out of memory/);
    const after = engine.quote(cartOf([{ productId: 'p1', quantity: 3 }]), AT);
    // 303 with 200 successive 1 % discounts, each rounded: the figure the rules give, not a blank.
    expect(after.lines[0]).toMatchObject({ listTotal: 303, quantity: 3 });
    expect(after.total).toBe(after.lines[0]!.total);
    expect(after.discounts).toHaveLength(after.lines[0]!.adjustments.length);
  });
});
