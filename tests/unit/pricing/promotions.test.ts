import { describe, expect, it } from 'vitest';
import { AT, cartOf, catalogOf, engineFor, noShipping, rulesOf } from './fixtures.js';

const shop = catalogOf([
  { id: 'kaffee', price: 1000, category: 'kaffee', tags: ['bio'] },
  { id: 'tee', price: 500, category: 'tee' },
  { id: 'becher', price: 700, category: 'kueche', brand: 'Nordlicht' },
  { id: 'keks', price: 400, category: 'kueche', vatClass: 'reduced' },
]);

describe('promotions', () => {
  it('takes a percentage off the products of a category only', async () => {
    const rules = rulesOf({
      ...noShipping,
      promotions: [
        {
          id: 'kaffee10',
          label: '10 % auf Kaffee',
          type: 'percentage',
          percent: 10,
          target: { categories: ['kaffee'] },
        },
      ],
    });
    const quote = (await engineFor(shop, rules)).quote(
      cartOf([
        { productId: 'kaffee', quantity: 2 },
        { productId: 'tee', quantity: 1 },
      ]),
      AT,
    );
    expect(quote.lines.map((l) => [l.productId, l.discount, l.total])).toEqual([
      ['kaffee', 200, 1800],
      ['tee', 0, 500],
    ]);
    expect(quote.lines[0]!.adjustments).toEqual([{ promotionId: 'kaffee10', label: '10 % auf Kaffee', amount: 200 }]);
    expect(quote.discounts).toEqual([{ promotionId: 'kaffee10', label: '10 % auf Kaffee', amount: 200 }]);
    expect(quote.total).toBe(2300);
  });

  it('waits for the minimum quantity across the product set', async () => {
    const rules = rulesOf({
      ...noShipping,
      promotions: [
        {
          id: 'drei',
          label: 'Ab 3 Stück 20 %',
          type: 'percentage',
          percent: 20,
          minQuantity: 3,
          target: { brands: ['Nordlicht'], tags: ['bio'] },
        },
      ],
    });
    const engine = await engineFor(shop, rules);
    expect(
      engine.quote(
        cartOf([
          { productId: 'kaffee', quantity: 1 },
          { productId: 'becher', quantity: 1 },
        ]),
        AT,
      ).discountTotal,
    ).toBe(0);
    // 1000 * 20 % = 200 and 2 * 700 * 20 % = 280.
    expect(
      engine.quote(
        cartOf([
          { productId: 'kaffee', quantity: 1 },
          { productId: 'becher', quantity: 2 },
        ]),
        AT,
      ).discountTotal,
    ).toBe(480);
  });

  it('takes a fixed amount off the order above its minimum, split to the cent by largest remainder', async () => {
    const rules = rulesOf({
      ...noShipping,
      promotions: [{ id: 'fuenf', label: '5 € ab 30 €', type: 'order-amount', amount: 500, minimumOrder: 3000 }],
    });
    const engine = await engineFor(shop, rules);
    // 500 * 1000/3000 = 166.67 and 500 * 2000/3000 = 333.33: the spare cent goes to the larger remainder.
    const quote = engine.quote(
      cartOf([
        { productId: 'kaffee', quantity: 1 },
        { productId: 'kaffee', quantity: 0 },
        { productId: 'tee', quantity: 4 },
      ]),
      AT,
    );
    expect(quote.lines.map((l) => l.discount)).toEqual([167, 333]);
    expect(quote.total).toBe(2500);
    expect(
      engine.quote(
        cartOf([
          { productId: 'tee', quantity: 5 },
          { productId: 'keks', quantity: 1 },
        ]),
        AT,
      ).discountTotal,
    ).toBe(0);
  });

  it('gives the cheapest eligible units away with "3 für 2"', async () => {
    const rules = rulesOf({
      ...noShipping,
      promotions: [{ id: '3fuer2', label: '3 für 2', type: 'buy-x-get-y', buy: 2, get: 1 }],
    });
    const quote = (await engineFor(shop, rules)).quote(
      cartOf([
        { productId: 'kaffee', quantity: 2 },
        { productId: 'keks', quantity: 1 },
        { productId: 'becher', quantity: 3 },
      ]),
      AT,
    );
    // Six units, two free: the 4,00 € Keks and one 7,00 € Becher.
    expect(quote.lines.map((l) => [l.productId, l.discount])).toEqual([
      ['kaffee', 0],
      ['keks', 400],
      ['becher', 700],
    ]);
    expect(quote.total).toBe(2000 + 1400);
  });

  it('prices by volume tier once a line reaches it', async () => {
    const rules = rulesOf({
      ...noShipping,
      promotions: [
        {
          id: 'staffel',
          label: 'Staffelpreis',
          type: 'volume-tiers',
          target: { products: ['tee'] },
          tiers: [
            { minQuantity: 5, unitPrice: 450 },
            { minQuantity: 10, unitPrice: 400 },
          ],
        },
      ],
    });
    const engine = await engineFor(shop, rules);
    const discountAt = (quantity: number) => engine.quote(cartOf([{ productId: 'tee', quantity }]), AT).discountTotal;
    expect([discountAt(4), discountAt(5), discountAt(12)]).toEqual([0, 250, 1200]);
  });

  it('applies promotions by priority, each on what the previous ones left', async () => {
    const both = (amountFirst: boolean) =>
      rulesOf({
        ...noShipping,
        promotions: [
          { id: 'zehn', label: '10 %', type: 'percentage', percent: 10, priority: amountFirst ? 0 : 1 },
          { id: 'fuenf', label: '5 €', type: 'order-amount', amount: 500, priority: amountFirst ? 1 : 0 },
        ],
      });
    const cart = cartOf([{ productId: 'kaffee', quantity: 1 }]);
    expect((await engineFor(shop, both(true))).quote(cart, AT).discountTotal).toBe(500 + 50);
    expect((await engineFor(shop, both(false))).quote(cart, AT).discountTotal).toBe(100 + 500);
  });

  it('gives the customer the best exclusive promotion instead of the stack when it saves more', async () => {
    const rules = rulesOf({
      ...noShipping,
      promotions: [
        { id: 'zehn', label: '10 %', type: 'percentage', percent: 10 },
        {
          id: 'zwanzig',
          label: '20 % auf Kaffee (nicht kombinierbar)',
          type: 'percentage',
          percent: 20,
          exclusive: true,
          target: { categories: ['kaffee'] },
        },
        { id: 'drei-euro', label: '3 € (nicht kombinierbar)', type: 'order-amount', amount: 300, exclusive: true },
      ],
    });
    const engine = await engineFor(shop, rules);
    const coffee = engine.quote(cartOf([{ productId: 'kaffee', quantity: 5 }]), AT);
    expect(coffee.discounts).toEqual([
      { promotionId: 'zwanzig', label: '20 % auf Kaffee (nicht kombinierbar)', amount: 1000 },
    ]);
    const tea = engine.quote(cartOf([{ productId: 'tee', quantity: 4 }]), AT);
    expect(tea.discounts.map((d) => [d.promotionId, d.amount])).toEqual([['drei-euro', 300]]);
    const teaForOne = engine.quote(cartOf([{ productId: 'tee', quantity: 1 }]), AT);
    expect(teaForOne.discounts.map((d) => [d.promotionId, d.amount])).toEqual([['drei-euro', 300]]);
    const mixed = engine.quote(
      cartOf([
        { productId: 'tee', quantity: 40 },
        { productId: 'kaffee', quantity: 1 },
      ]),
      AT,
    );
    expect(mixed.discounts.map((d) => [d.promotionId, d.amount])).toEqual([['zehn', 2100]]);
  });

  it('ignores a promotion outside its validity window', async () => {
    const rules = rulesOf({
      ...noShipping,
      promotions: [
        {
          id: 'sommer',
          label: 'Sommer',
          type: 'percentage',
          percent: 10,
          validFrom: '2026-07-01T00:00:00+02:00',
          validUntil: '2026-08-31T23:59:59+02:00',
        },
      ],
    });
    const engine = await engineFor(shop, rules);
    const cart = cartOf([{ productId: 'kaffee', quantity: 1 }]);
    expect(engine.quote(cart, AT).discountTotal).toBe(0);
    expect(engine.quote(cart, Date.parse('2026-07-15T12:00:00Z')).discountTotal).toBe(100);
    expect(engine.quote(cart, Date.parse('2026-09-01T00:00:00+02:00')).discountTotal).toBe(0);
  });
});

describe('shipping', () => {
  const rules = rulesOf({
    promotions: [
      { id: 'frei', label: 'Versandkostenfrei ab 50 €', type: 'free-shipping', threshold: 5000 },
      { id: 'zehn', label: '10 %', type: 'percentage', percent: 10, target: { products: ['becher'] } },
    ],
  });

  it('says how much is missing to free standard shipping', async () => {
    const quote = (await engineFor(shop, rules)).quote(
      cartOf([
        { productId: 'kaffee', quantity: 3 },
        { productId: 'tee', quantity: 2 },
        { productId: 'keks', quantity: 2 },
        { productId: 'becher', quantity: 0 },
      ]),
      AT,
    );
    expect(quote.subtotal).toBe(4800);
    expect(quote.shipping).toEqual({ method: 'standard', price: 495, freeFrom: 5000, remainingForFree: 200 });
    expect(quote.total).toBe(5295);
  });

  it('ships for free once the discounted goods reach the threshold, but never express', async () => {
    const engine = await engineFor(shop, rules);
    const cart = cartOf([{ productId: 'kaffee', quantity: 5 }]);
    expect(engine.quote(cart, AT).shipping).toEqual({
      method: 'standard',
      price: 0,
      freeFrom: 5000,
      remainingForFree: 0,
      promotionId: 'frei',
      label: 'Versandkostenfrei ab 50 €',
    });
    expect(engine.quote({ ...cart, shipping: 'express' }, AT).shipping).toEqual({ method: 'express', price: 990 });
    // 8 Becher: 5600 list, 5040 after 10 %: still free. 7 Becher: 4410 after 10 %: not.
    expect(engine.quote(cartOf([{ productId: 'becher', quantity: 8 }]), AT).shipping.price).toBe(0);
    expect(engine.quote(cartOf([{ productId: 'becher', quantity: 7 }]), AT).shipping).toMatchObject({
      price: 495,
      remainingForFree: 590,
    });
  });

  it('charges nothing for an empty cart', async () => {
    const quote = (await engineFor(shop, rules)).quote(cartOf([]), AT);
    expect(quote).toMatchObject({
      subtotal: 0,
      total: 0,
      shipping: { method: 'standard', price: 0 },
      vat: [],
      lines: [],
    });
  });
});
