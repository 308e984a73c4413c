import { describe, expect, it } from 'vitest';
import { AT, cartOf, catalogOf, engineFor, noShipping, rulesOf } from './fixtures.js';
import { oracleQuote } from './oracle.js';

const shop = catalogOf([
  { id: 'stift', price: 33 },
  { id: 'buch', price: 1000, vatClass: 'reduced' },
  { id: 'lampe', price: 2000 },
]);

describe('VAT', () => {
  it('extracts VAT from the gross total of a rate: 3 x 0,33 € at 19 %', async () => {
    const quote = (await engineFor(shop, rulesOf(noShipping))).quote(cartOf([{ productId: 'stift', quantity: 3 }]), AT);
    expect(quote.lines[0]).toMatchObject({ unitPrice: 33, listTotal: 99, total: 99, vatRate: 19 });
    // 99 * 19 / 119 = 15.81 -> 16
    expect(quote.vat).toEqual([{ rate: 19, gross: 99, net: 83, tax: 16 }]);
  });

  it('splits shipping over 19 % and 7 % in proportion to the goods', async () => {
    const rules = rulesOf({ version: 1, shipping: { standard: 495, express: 990 } });
    const quote = (await engineFor(shop, rules)).quote(
      cartOf([
        { productId: 'buch', quantity: 1 },
        { productId: 'lampe', quantity: 1 },
      ]),
      AT,
    );
    // 495 * 2000/3000 = 330 and 495 * 1000/3000 = 165.
    expect(quote.vat).toEqual([
      { rate: 19, gross: 2330, net: 1958, tax: 372 },
      { rate: 7, gross: 1165, net: 1089, tax: 76 },
    ]);
    expect(quote.total).toBe(3495);
  });

  it('gives a shipping cent that does not divide evenly to the larger remainder', async () => {
    const rules = rulesOf({ version: 1, shipping: { standard: 500, express: 990 } });
    const quote = (await engineFor(shop, rules)).quote(
      cartOf([
        { productId: 'buch', quantity: 2 },
        { productId: 'stift', quantity: 1 },
        { productId: 'lampe', quantity: 0 },
      ]),
      AT,
    );
    // Goods 33 (19 %) and 2000 (7 %): 500 * 33/2033 = 8.12 and 500 * 2000/2033 = 491.88 -> 8 and 492.
    expect(quote.vat.map((r) => [r.rate, r.gross])).toEqual([
      [19, 41],
      [7, 2492],
    ]);
    expect(quote.vat.map((r) => r.tax)).toEqual([7, 163]);
  });

  it('puts shipping on the higher rate when every item is free', async () => {
    const rules = rulesOf({
      version: 1,
      shipping: { standard: 495, express: 990 },
      promotions: [{ id: 'gratis', label: 'Gratis', type: 'percentage', percent: 100 }],
    });
    const quote = (await engineFor(shop, rules)).quote(
      cartOf([
        { productId: 'buch', quantity: 1 },
        { productId: 'lampe', quantity: 1 },
      ]),
      AT,
    );
    expect(quote.vat).toEqual([{ rate: 19, gross: 495, net: 416, tax: 79 }]);
    expect(quote.total).toBe(495);
  });

  it('keeps VAT rows summing to the total with discounts that do not divide evenly', async () => {
    const rules = rulesOf({
      version: 1,
      shipping: { standard: 495, express: 990 },
      promotions: [{ id: 'drei', label: '3 € Rabatt', type: 'order-amount', amount: 300 }],
    });
    const quote = (await engineFor(shop, rules)).quote(
      cartOf([
        { productId: 'stift', quantity: 3 },
        { productId: 'buch', quantity: 1 },
        { productId: 'lampe', quantity: 1 },
      ]),
      AT,
    );
    // 300 over 99 / 1000 / 2000 (of 3099): 9.58, 96.81, 193.61; the two spare cents go to .81 and .61.
    expect(quote.lines.map((l) => l.discount)).toEqual([9, 97, 194]);
    expect(quote.vat.reduce((s, r) => s + r.gross, 0)).toBe(quote.total);
    expect(quote.total).toBe(3099 - 300 + 495);
  });
});

describe('the largest cart the limits allow', () => {
  it('still adds up to the cent where shipping x goods needs more than 64 bits', async () => {
    const big = catalogOf(
      Array.from({ length: 500 }, (_, i) => ({
        id: `p${i}`,
        price: 10_000_000 - i,
        stock: 999,
        vatClass: i % 3 === 0 ? ('reduced' as const) : ('standard' as const),
      })),
    );
    const rules = rulesOf({
      version: 1,
      shipping: { standard: 9_999_999, express: 9_999_999 },
      promotions: [
        { id: 'eins', label: '1 %', type: 'percentage', percent: 1 },
        { id: 'betrag', label: '99.999,99 €', type: 'order-amount', amount: 9_999_999 },
      ],
    });
    const cart = cartOf(big.products.map((p) => ({ productId: p.id, quantity: 999 })));
    const quote = (await engineFor(big, rules)).quote(cart, AT);
    // 9,999,999 x ~3.3 * 10^12 (the goods at 19 %) is about 3.3 * 10^19: beyond 2^63.
    expect(quote.vat.find((r) => r.rate === 19)!.gross * 9_999_999).toBeGreaterThan(2 ** 63);
    const oracle = oracleQuote(big, rules, cart, AT);
    expect(quote.vat).toEqual(oracle.vat);
    expect(quote.lines).toEqual(oracle.lines);
    expect(quote.total).toBe(oracle.total);
    expect(quote.vat.reduce((s, r) => s + r.gross, 0)).toBe(quote.total);
  });
});
