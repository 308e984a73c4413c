import { z } from './zod.js';
import { MAX_CENTS, normalizeCode, type PromotionRules } from './promotions.js';

/**
 * The schema of the promotions file (`rules.json`, see promotions.ts and docs/promotions-format.md)
 * and its parser. The pricing service loads this module with its engine, so zod stays off a page's
 * first load.
 */

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

/** The schemas whose types promotions.ts names. */
export const promotionSchemas = { rules: rulesSchema, target: targetSchema } as const;

/** A rules file that cannot be used; the message names the file and every offending field. */
export class RulesFormatError extends Error {
  override name = 'RulesFormatError';
}

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
