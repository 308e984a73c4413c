import type { Coupon, Promotion, PromotionRules, PromotionRulesInput } from './promotions.js';

type PromotionInput = PromotionRulesInput['promotions'][number];
type CouponInput = PromotionRulesInput['coupons'][number];

/** A published rules file whose format this shop does not know. */
export class UnknownRulesFormatError extends Error {
  override name = 'UnknownRulesFormatError';
}

/**
 * The promotions file as a page reads it. The file is checked in full against its schema
 * (promotion-rules.ts) where it is made and published: `laden catalog generate` writes it through the
 * schema, and the server refuses to start with a file it cannot price with. A page checks only the
 * format's version and fills in the defaults the schema would, so no schema library loads with a page.
 * tests/unit/pricing/published-rules.test.ts keeps this and the schema in agreement.
 */
export function readPublishedRules(text: string): PromotionRules {
  const data = JSON.parse(text) as Partial<PromotionRulesInput> | null;
  if (
    data?.version !== 1 ||
    typeof data.shipping !== 'object' ||
    !Array.isArray(data.promotions) ||
    !Array.isArray(data.coupons)
  ) {
    throw new UnknownRulesFormatError('The promotions file has an unknown format.');
  }
  return {
    version: 1,
    shipping: data.shipping,
    promotions: data.promotions.map(promotionWithDefaults),
    coupons: data.coupons.map(couponWithDefaults),
  };
}

function promotionWithDefaults(promotion: PromotionInput): Promotion {
  const common = { priority: promotion.priority ?? 0, exclusive: promotion.exclusive ?? false };
  if (promotion.type === 'order-amount') {
    return { ...promotion, ...common, minimumOrder: promotion.minimumOrder ?? 0 };
  }
  if (promotion.type === 'free-shipping') return { ...promotion, ...common, exclusive: false };
  return { ...promotion, ...common };
}

const couponWithDefaults = (coupon: CouponInput): Coupon => ({
  ...coupon,
  minimumOrder: coupon.minimumOrder ?? 0,
  combinable: coupon.combinable ?? true,
});
