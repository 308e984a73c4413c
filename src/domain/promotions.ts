// Types only: the schemas (and zod) load with the pricing engine and on the server, not with every page.
import type { z } from 'zod';
import type { Product } from './catalog.js';
import type { promotionSchemas } from './promotion-rules.js';

/**
 * The promotions file Laden reads (`rules.json`, next to `catalog.json`). Documented for shop
 * operators in docs/promotions-format.md; keep the two in step. All money is integer cents. The schema
 * that checks it is in promotion-rules.ts.
 */

/** Above this a price or amount is a typing error, not an offer (100.000,00 €). */
export const MAX_CENTS = 10_000_000;

export type PromotionRules = z.output<typeof promotionSchemas.rules>;
export type Promotion = PromotionRules['promotions'][number];
export type PromotionType = Promotion['type'];
export type Coupon = PromotionRules['coupons'][number];
export type PromotionTarget = z.output<typeof promotionSchemas.target>;
/** What an operator may write (defaults not yet filled in). */
export type PromotionRulesInput = z.input<typeof promotionSchemas.rules>;

/** Coupon codes match case-insensitively. */
export const normalizeCode = (code: string): string => code.trim().toUpperCase();

/** Milliseconds since the epoch of an optional ISO instant; open ends become ±infinity-like bounds. */
export const windowStart = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.MIN_SAFE_INTEGER);
export const windowEnd = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.MAX_SAFE_INTEGER);

/** What a promotion's target is matched against: a product or its card. */
export type PromotionSubject = Pick<Product, 'id' | 'category' | 'brand' | 'tags'>;

export function targets(target: PromotionTarget | undefined, product: PromotionSubject): boolean {
  if (!target) return true;
  return Boolean(
    target.products?.includes(product.id) ||
    target.categories?.includes(product.category) ||
    target.brands?.includes(product.brand) ||
    target.tags?.some((tag) => product.tags.includes(tag)),
  );
}

/** Ids of promotions that only a coupon activates. */
export const couponPromotionIds = (rules: PromotionRules): Set<string> =>
  new Set(rules.coupons.map((c) => c.promotion));

/** Promotions running at `at` without a coupon that cover `product`: what a product card shows. */
export function activePromotionsFor(rules: PromotionRules, product: PromotionSubject, at: number): Promotion[] {
  const couponOnly = couponPromotionIds(rules);
  return rules.promotions.filter(
    (p) =>
      !couponOnly.has(p.id) &&
      p.type !== 'order-amount' &&
      p.type !== 'free-shipping' &&
      at >= windowStart(p.validFrom) &&
      at <= windowEnd(p.validUntil) &&
      targets(p.target, product),
  );
}

/** Promotions in the order they apply: higher priority first, the file's order among equals. */
export const applicationOrder = (rules: PromotionRules): Promotion[] =>
  rules.promotions
    .map((promotion, index) => ({ promotion, index }))
    .sort((a, b) => b.promotion.priority - a.promotion.priority || a.index - b.index)
    .map(({ promotion }) => promotion);
