import { z } from 'zod';
import type { Product } from './catalog.js';

/**
 * The promotions file Laden reads (`rules.json`, next to `catalog.json`). Documented for shop
 * operators in docs/promotions-format.md; keep the two in step. All money is integer cents.
 */

/** Above this a price or amount is a typing error, not an offer (100.000,00 €). */
export const MAX_CENTS = 10_000_000;

const cents = z.int().min(0).max(MAX_CENTS);
const instant = z.iso.datetime({ offset: true });

/** Which products a promotion covers: any product matching one of the lists. Absent: all. */
const targetSchema = z
  .object({
    products: z.array(z.string().min(1)).optional(),
    categories: z.array(z.string().min(1)).optional(),
    brands: z.array(z.string().min(1)).optional(),
    tags: z.array(z.string().min(1)).optional(),
  })
  .strict();

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  label: z.string().min(1).max(80),
  /** Higher applies first; ties keep the file's order. */
  priority: z.int().min(-1000).max(1000).default(0),
  exclusive: z.boolean().default(false),
  validFrom: instant.optional(),
  validUntil: instant.optional(),
};

const percentage = z
  .object({
    ...common,
    type: z.literal('percentage'),
    percent: z.int().min(1).max(100),
    target: targetSchema.optional(),
    minQuantity: z.int().min(1).max(999).optional(),
  })
  .strict();

const orderAmount = z
  .object({
    ...common,
    type: z.literal('order-amount'),
    amount: cents.min(1),
    /** Measured on (and split over) the covered products only: e.g. everything but books. */
    minimumOrder: cents.default(0),
    target: targetSchema.optional(),
  })
  .strict();

const buyXGetY = z
  .object({
    ...common,
    type: z.literal('buy-x-get-y'),
    buy: z.int().min(1).max(99),
    get: z.int().min(1).max(99),
    target: targetSchema.optional(),
  })
  .strict();

const volumeTiers = z
  .object({
    ...common,
    type: z.literal('volume-tiers'),
    target: targetSchema.optional(),
    tiers: z
      .array(z.object({ minQuantity: z.int().min(1).max(999), unitPrice: cents }).strict())
      .min(1)
      .max(20)
      .refine((tiers) => tiers.every((t, i) => i === 0 || t.minQuantity > tiers[i - 1]!.minQuantity), {
        message: 'tiers must be sorted by minQuantity, each higher than the one before',
      }),
  })
  .strict();

const freeShipping = z
  .object({
    ...common,
    type: z.literal('free-shipping'),
    exclusive: z.literal(false).default(false),
    threshold: cents,
  })
  .strict();

const promotionSchema = z.discriminatedUnion('type', [percentage, orderAmount, buyXGetY, volumeTiers, freeShipping]);

const couponSchema = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9-]{2,32}$/, 'use 2 to 32 letters, digits or dashes'),
    promotion: z.string(),
    validFrom: instant.optional(),
    validUntil: instant.optional(),
    minimumOrder: cents.default(0),
    combinable: z.boolean().default(true),
  })
  .strict();

const rulesSchema = z
  .object({
    version: z.literal(1),
    shipping: z.object({ standard: cents, express: cents }).strict(),
    promotions: z.array(promotionSchema).max(200),
    coupons: z.array(couponSchema).max(1000),
  })
  .strict()
  .superRefine((rules, ctx) => {
    const ids = new Set<string>();
    rules.promotions.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['promotions', i, 'id'], message: `duplicate id "${p.id}"` });
      ids.add(p.id);
      if (p.validFrom && p.validUntil && Date.parse(p.validFrom) > Date.parse(p.validUntil)) {
        ctx.addIssue({ code: 'custom', path: ['promotions', i, 'validUntil'], message: 'ends before it starts' });
      }
    });
    const codes = new Set<string>();
    rules.coupons.forEach((c, i) => {
      const code = normalizeCode(c.code);
      if (codes.has(code))
        ctx.addIssue({ code: 'custom', path: ['coupons', i, 'code'], message: `duplicate code "${c.code}"` });
      codes.add(code);
      if (!ids.has(c.promotion)) {
        ctx.addIssue({ code: 'custom', path: ['coupons', i, 'promotion'], message: `no promotion "${c.promotion}"` });
      }
      if (c.validFrom && c.validUntil && Date.parse(c.validFrom) > Date.parse(c.validUntil)) {
        ctx.addIssue({ code: 'custom', path: ['coupons', i, 'validUntil'], message: 'ends before it starts' });
      }
    });
  });

export type PromotionRules = z.output<typeof rulesSchema>;
export type Promotion = PromotionRules['promotions'][number];
export type PromotionType = Promotion['type'];
export type Coupon = PromotionRules['coupons'][number];
export type PromotionTarget = z.output<typeof targetSchema>;
/** What an operator may write (defaults not yet filled in). */
export type PromotionRulesInput = z.input<typeof rulesSchema>;

/** A rules file that cannot be used; the message names the file and every offending field. */
export class RulesFormatError extends Error {
  override name = 'RulesFormatError';
}

/** Coupon codes match case-insensitively. */
export const normalizeCode = (code: string): string => code.trim().toUpperCase();

export function parseRules(data: unknown, source = 'rules.json'): PromotionRules {
  const result = rulesSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    return `${path.replace(/^\./, '') || '(top level)'}: ${issue.message}`;
  });
  throw new RulesFormatError(`${source} is not a valid promotions file: ${problems.join('; ')}`);
}

export function parseRulesText(text: string, source = 'rules.json'): PromotionRules {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RulesFormatError(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseRules(data, source);
}

/** Milliseconds since the epoch of an optional ISO instant; open ends become ±infinity-like bounds. */
export const windowStart = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.MIN_SAFE_INTEGER);
export const windowEnd = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.MAX_SAFE_INTEGER);

export function targets(target: PromotionTarget | undefined, product: Product): boolean {
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
export function activePromotionsFor(rules: PromotionRules, product: Product, at: number): Promotion[] {
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
