import fc from 'fast-check';
import type { Cart, CartLine } from '../../../src/domain/cart.js';
import type { Catalog } from '../../../src/domain/catalog.js';
import type { PromotionRulesInput } from '../../../src/domain/promotions.js';
import { catalogOf } from './fixtures.js';

type PromotionInput = PromotionRulesInput['promotions'][number];

const CATEGORIES = ['kaffee', 'tee', 'kueche'] as const;
const BRANDS = ['Rösterei', 'Nordlicht'] as const;
const TAGS = ['bio', 'neu', 'fair'] as const;
const INSTANTS = ['2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z'];
/** Quote times around the window edges above. */
export const quoteTimes = fc.constantFrom(
  ...INSTANTS.map(Date.parse),
  Date.parse('2026-06-15T10:00:00Z'),
  Date.parse('2025-12-31T23:59:59.999Z'),
);

/** Mostly shop-like prices, sometimes huge ones (to exercise wide arithmetic) or absurd ones. */
const price = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 10_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(-5, 10_000_001, 12.5) },
);

export const catalogs: fc.Arbitrary<Catalog> = fc
  .array(
    fc.record({
      price,
      vatClass: fc.constantFrom('standard' as const, 'reduced' as const),
      category: fc.constantFrom(...CATEGORIES),
      brand: fc.constantFrom(...BRANDS),
      tags: fc.subarray([...TAGS]),
      stock: fc.integer({ min: 0, max: 200 }),
      variants: fc.option(
        fc.array(fc.record({ price: fc.option(price, { nil: undefined }), stock: fc.integer({ min: 0, max: 80 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        { nil: undefined },
      ),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) => catalogOf(specs.map((s, i) => ({ ...s, id: `p${String(i).padStart(3, '0')}` }))));

const target = fc.option(
  fc.record(
    {
      products: fc.subarray(['p000', 'p001', 'p002', 'p003', 'p004']),
      categories: fc.subarray([...CATEGORIES]),
      brands: fc.subarray([...BRANDS]),
      tags: fc.subarray([...TAGS]),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const windowed = fc.record(
  { validFrom: fc.constantFrom(INSTANTS[0]!, INSTANTS[1]!), validUntil: fc.constantFrom(INSTANTS[2]!, INSTANTS[3]!) },
  { requiredKeys: [] },
);

const promotionBody: fc.Arbitrary<Omit<PromotionInput, 'id' | 'label'>> = fc.oneof(
  fc.record({
    type: fc.constant('percentage' as const),
    percent: fc.integer({ min: 1, max: 100 }),
    target,
    minQuantity: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('order-amount' as const),
    amount: fc.integer({ min: 1, max: 30_000 }),
    minimumOrder: fc.integer({ min: 0, max: 40_000 }),
    target,
  }),
  fc.record({
    type: fc.constant('buy-x-get-y' as const),
    buy: fc.integer({ min: 1, max: 4 }),
    get: fc.integer({ min: 1, max: 2 }),
    target,
  }),
  fc.record({
    type: fc.constant('volume-tiers' as const),
    target,
    tiers: fc
      .uniqueArray(
        fc.record({ minQuantity: fc.integer({ min: 1, max: 30 }), unitPrice: fc.integer({ min: 0, max: 15_000 }) }),
        { selector: (t) => t.minQuantity, minLength: 1, maxLength: 3 },
      )
      .map((tiers) => [...tiers].sort((a, b) => a.minQuantity - b.minQuantity)),
  }),
  fc.record({ type: fc.constant('free-shipping' as const), threshold: fc.integer({ min: 0, max: 20_000 }) }),
);

const promotion = fc
  .tuple(promotionBody, fc.integer({ min: -2, max: 2 }), fc.boolean(), windowed)
  .map(([body, priority, exclusive, window]) => ({
    ...body,
    priority,
    ...(body.type === 'free-shipping' ? {} : { exclusive }),
    ...window,
  }));

export const ruleSets: fc.Arbitrary<PromotionRulesInput> = fc.array(promotion, { maxLength: 6 }).chain((promotions) => {
  const withIds = promotions.map((p, i) => ({ ...p, id: `promo-${i}`, label: `Aktion ${i}` }) as PromotionInput);
  const coupon = fc.record(
    {
      promotion: fc.constantFrom('promo-0', ...withIds.slice(1).map((p) => p.id)),
      minimumOrder: fc.integer({ min: 0, max: 30_000 }),
      combinable: fc.boolean(),
      validFrom: fc.constantFrom(INSTANTS[0]!, INSTANTS[1]!),
      validUntil: fc.constantFrom(INSTANTS[2]!, INSTANTS[3]!),
    },
    { requiredKeys: ['promotion'] },
  );
  const coupons = withIds.length ? fc.array(coupon, { maxLength: 3 }) : fc.constant([]);
  return fc
    .record({
      standard: fc.integer({ min: 0, max: 1_000 }),
      express: fc.integer({ min: 0, max: 2_000 }),
      coupons: coupons.map((list) => list.map((c, i) => ({ ...c, code: `CODE${i}` }))),
    })
    .map(({ standard, express, coupons }) => ({
      version: 1 as const,
      shipping: { standard, express },
      promotions: withIds,
      coupons,
    }));
});

/** Lines mostly for products and variants of `catalog`, sometimes for ones it does not have. */
function lineFor(catalog: Catalog): fc.Arbitrary<CartLine> {
  const known = fc.constantFrom(...catalog.products).chain((product) => {
    const variants = product.variants?.map((v) => v.id) ?? [];
    const variantId = variants.length
      ? fc.oneof(
          { weight: 10, arbitrary: fc.constantFrom(...variants) },
          { weight: 1, arbitrary: fc.constantFrom(undefined, 'x') },
        )
      : fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('v1') });
    return fc.record({ productId: fc.constant(product.id), variantId });
  });
  const unknown = fc.record({ productId: fc.constant('nope'), variantId: fc.constant(undefined) });
  const quantity = fc.oneof(
    { weight: 15, arbitrary: fc.integer({ min: 1, max: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 40, 1000) },
  );
  return fc
    .tuple(fc.oneof({ weight: 15, arbitrary: known }, { weight: 1, arbitrary: unknown }), quantity)
    .map(([{ productId, variantId }, quantity]) =>
      variantId === undefined ? { productId, quantity } : { productId, variantId, quantity },
    );
}

export const cartsFor = (catalog: Catalog): fc.Arbitrary<Cart> =>
  fc.record({
    lines: fc.array(lineFor(catalog), { maxLength: 12 }),
    coupons: fc.array(fc.constantFrom('CODE0', 'code1', 'Code2', 'NIX'), { maxLength: 3 }),
    shipping: fc.constantFrom('standard' as const, 'standard' as const, 'express' as const),
  });

/** A catalog and a cart drawn from it. */
export const shops = catalogs.chain((catalog) => fc.tuple(fc.constant(catalog), cartsFor(catalog)));
