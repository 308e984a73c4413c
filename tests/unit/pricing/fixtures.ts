import type { Cart, CartLine } from '../../../src/domain/cart.js';
import { createPricingEngine, type PricingEngine } from '../../../src/wasm/pricing.js';
import type { Catalog, Product, Variant } from '../../../src/domain/catalog.js';
import type { PromotionRules, PromotionRulesInput } from '../../../src/domain/promotions.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';

type ProductSpec = Pick<Product, 'id' | 'price'> &
  Partial<Omit<Product, 'variants'>> & { variants?: Partial<Variant>[] };

/** A catalog with just the fields pricing reads; the filler keeps it valid for `parseCatalog`. */
export function catalogOf(specs: ProductSpec[]): Catalog {
  const products = specs.map((spec): Product => {
    const variants = spec.variants?.map((v, i): Variant => ({
      id: `v${i + 1}`,
      title: `V${i + 1}`,
      options: {},
      stock: 100,
      ...v,
    }));
    return {
      slug: spec.id,
      title: `Produkt ${spec.id}`,
      brand: 'Laden',
      category: 'haushalt',
      description: 'Ein Produkt zum Testen.',
      tags: [],
      attributes: {},
      vatClass: 'standard',
      stock: variants ? variants.reduce((sum, v) => sum + v.stock, 0) : 100,
      rating: 4,
      ratingCount: 1,
      images: [{ src: `images/${spec.id}-1.jpg`, width: 1200, height: 900, alt: spec.id }],
      ...spec,
      ...(variants ? { variants } : { variants: undefined }),
    };
  });
  const categories = [...new Set(products.map((p) => p.category))].map((id) => ({
    id,
    slug: id,
    name: id,
    description: 'Testkategorie',
  }));
  return { version: 1, currency: 'EUR', locale: 'de-DE', source: 'test', categories, products };
}

/** Rules with the given promotions and coupons; shipping 4,95 € standard, 9,90 € express. */
export function rulesOf(input: Partial<PromotionRulesInput> = {}): PromotionRules {
  return parseRules({ version: 1, shipping: { standard: 495, express: 990 }, promotions: [], coupons: [], ...input });
}

export const AT = Date.parse('2026-06-15T12:00:00+02:00');

export const cartOf = (lines: CartLine[], extra: Partial<Cart> = {}): Cart => ({
  lines,
  coupons: [],
  shipping: 'standard',
  ...extra,
});

/** Rules without shipping costs, for cases about goods only. */
export const noShipping = { version: 1 as const, shipping: { standard: 0, express: 0 } };

export function engineFor(catalog: Catalog, rules: PromotionRules): Promise<PricingEngine> {
  return createPricingEngine(catalog, rules);
}
