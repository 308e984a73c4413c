import { describe, expect, it } from 'vitest';
import { AT, cartOf, catalogOf, engineFor, noShipping, rulesOf } from './fixtures.js';

const shop = catalogOf([
  { id: 'kaffee', price: 1000, category: 'kaffee' },
  { id: 'tee', price: 490, category: 'tee' },
]);

const rules = rulesOf({
  ...noShipping,
  promotions: [
    { id: 'willkommen', label: '10 % Willkommensrabatt', type: 'percentage', percent: 10 },
    { id: 'sommer', label: 'Sommer: 15 %', type: 'percentage', percent: 15 },
    { id: 'winter', label: 'Winter: 5 € ab 30 €', type: 'order-amount', amount: 500, minimumOrder: 3000 },
    {
      id: 'solo',
      label: '25 % auf Tee (nur allein)',
      type: 'percentage',
      percent: 25,
      exclusive: true,
      target: { categories: ['tee'] },
    },
  ],
  coupons: [
    { code: 'WILLKOMMEN10', promotion: 'willkommen', minimumOrder: 2000 },
    {
      code: 'SOMMER',
      promotion: 'sommer',
      validFrom: '2026-06-01T00:00:00+02:00',
      validUntil: '2026-08-31T23:59:59+02:00',
      combinable: false,
    },
    { code: 'WINTER', promotion: 'winter', validFrom: '2026-12-01T00:00:00+01:00' },
    { code: 'TEEZEIT', promotion: 'solo' },
  ],
});

const at = (iso: string) => Date.parse(iso);

describe('coupon codes', () => {
  it('applies a code in any letter case and shows its label', async () => {
    const quote = (await engineFor(shop, rules)).quote(
      cartOf([{ productId: 'kaffee', quantity: 3 }], { coupons: [' willkommen10 '] }),
      AT,
    );
    expect(quote.coupons).toEqual([
      { code: 'WILLKOMMEN10', status: 'applied', message: 'Gutschein WILLKOMMEN10 eingelöst: 10 % Willkommensrabatt' },
    ]);
    expect(quote.discounts).toEqual([{ promotionId: 'willkommen', label: '10 % Willkommensrabatt', amount: 300 }]);
  });

  it('does not activate a coupon promotion without its code', async () => {
    expect((await engineFor(shop, rules)).quote(cartOf([{ productId: 'kaffee', quantity: 3 }]), AT).discountTotal).toBe(
      0,
    );
  });

  it('says in words why a code was not applied', async () => {
    const engine = await engineFor(shop, rules);
    const coffee = cartOf([
      { productId: 'kaffee', quantity: 1 },
      { productId: 'tee', quantity: 1 },
    ]);
    const [unknown, early, short] = engine.quote(
      { ...coffee, coupons: ['GIBTSNICHT', 'WINTER', 'WILLKOMMEN10'] },
      AT,
    ).coupons;
    expect(unknown).toEqual({
      code: 'GIBTSNICHT',
      status: 'unknown',
      message: 'Den Gutscheincode „GIBTSNICHT“ gibt es nicht. Bitte die Schreibweise prüfen.',
    });
    expect(early).toEqual({
      code: 'WINTER',
      status: 'not-yet-valid',
      message: 'Der Gutschein WINTER gilt erst ab dem 01.12.2026.',
    });
    // 14,90 € in the cart, 20,00 € needed.
    expect(short).toMatchObject({
      status: 'minimum-not-reached',
      message: 'Der Gutschein WILLKOMMEN10 gilt ab 20,00\u00a0€ Warenwert – es fehlen noch 5,10\u00a0€.',
    });
    const expired = engine.quote({ ...coffee, coupons: ['sommer'] }, at('2026-09-01T00:00:00+02:00')).coupons[0];
    expect(expired).toEqual({
      code: 'SOMMER',
      status: 'expired',
      message: 'Der Gutschein SOMMER ist am 31.08.2026 abgelaufen.',
    });
    expect(engine.quote({ ...coffee, coupons: ['sommer'] }, at('2026-08-31T23:59:59+02:00')).coupons[0]!.status).toBe(
      'applied',
    );
  });

  it('refuses a second code when either of the two is not combinable', async () => {
    const engine = await engineFor(shop, rules);
    const cart = cartOf([{ productId: 'kaffee', quantity: 3 }]);
    const first = engine.quote({ ...cart, coupons: ['WILLKOMMEN10', 'SOMMER'] }, AT);
    expect(first.coupons.map((c) => c.status)).toEqual(['applied', 'not-combinable']);
    expect(first.coupons[1]!.message).toBe(
      'Der Gutschein SOMMER lässt sich nicht mit Ihren anderen Gutscheinen oder Aktionen kombinieren.',
    );
    const second = engine.quote({ ...cart, coupons: ['SOMMER', 'WILLKOMMEN10'] }, AT);
    expect(second.coupons.map((c) => c.status)).toEqual(['applied', 'not-combinable']);
    expect(second.discountTotal).toBe(450);
  });

  it('reports an exclusive coupon promotion as not combinable when a better offer wins', async () => {
    const withAutomatic = rulesOf({
      ...noShipping,
      promotions: [
        ...rules.promotions,
        {
          id: 'kaffee-solo',
          label: '40 % auf Kaffee',
          type: 'percentage',
          percent: 40,
          exclusive: true,
          target: { categories: ['kaffee'] },
        },
      ],
      coupons: rules.coupons,
    });
    const engine = await engineFor(shop, withAutomatic);
    const quote = engine.quote(
      cartOf(
        [
          { productId: 'kaffee', quantity: 2 },
          { productId: 'tee', quantity: 2 },
        ],
        { coupons: ['TEEZEIT'] },
      ),
      AT,
    );
    // 40 % of 20,00 € beats 25 % of 9,80 €.
    expect(quote.discounts.map((d) => [d.promotionId, d.amount])).toEqual([['kaffee-solo', 800]]);
    expect(quote.coupons[0]!.status).toBe('not-combinable');
    const teaOnly = engine.quote(cartOf([{ productId: 'tee', quantity: 2 }], { coupons: ['TEEZEIT'] }), AT);
    expect(teaOnly.coupons[0]!.status).toBe('applied');
    expect(teaOnly.discountTotal).toBe(245);
  });
});
