import { z } from 'zod';
import { ID_PATTERN, type Catalog } from '../domain/catalog.js';
import { SLUG_PATTERN } from './slug.js';

/**
 * The rules of catalog.json as code, for operators bringing their own catalog: a catalog that passes
 * is one the shop, the server and the WASM engines can use. docs/catalog-format.md says the same in
 * words; keep the two in step.
 */
export const LIMITS = {
  products: 1_000_000,
  categories: 100,
  /** 100.000,00 €: above this a price is a typing error. */
  priceCents: 10_000_000,
  stock: 1_000_000,
  variants: 100,
  images: 10,
  tags: 20,
  attributes: 30,
} as const;

const id = z.string().regex(ID_PATTERN, 'use 1–64 letters, digits, ".", "_" or "-"');
const slug = z.string().max(120).regex(SLUG_PATTERN, 'use lower-case a–z, digits and single dashes');
const text = (max: number) => z.string().trim().min(1).max(max);
const cents = z.int().min(1).max(LIMITS.priceCents);
const stock = z.int().min(0).max(LIMITS.stock);

const image = z
  .object({
    src: z
      .string()
      .regex(
        /^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+\.(jpe?g|png|webp|avif)$/i,
        'a relative path to a JPEG, PNG, WebP or AVIF',
      ),
    width: z.int().min(1).max(20_000),
    height: z.int().min(1).max(20_000),
    alt: text(300),
  })
  .strict();

const variant = z
  .object({
    id,
    title: text(120),
    options: z.record(text(40), text(80)).refine((o) => Object.keys(o).length >= 1, 'needs at least one option'),
    price: cents.optional(),
    stock,
  })
  .strict();

const product = z
  .object({
    id,
    slug,
    title: text(200),
    brand: text(80),
    category: id,
    description: text(5000),
    tags: z.array(text(40)).max(LIMITS.tags),
    attributes: z.record(text(40), text(200)).refine((a) => Object.keys(a).length <= LIMITS.attributes, 'too many'),
    variants: z.array(variant).min(1).max(LIMITS.variants).optional(),
    price: cents,
    vatClass: z.enum(['standard', 'reduced']),
    stock,
    rating: z.number().min(0).max(5).multipleOf(0.1),
    ratingCount: z.int().min(0),
    images: z.array(image).min(1).max(LIMITS.images),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.ratingCount === 0 ? p.rating !== 0 : p.rating < 1)
      ctx.addIssue({ code: 'custom', path: ['rating'], message: 'from 1 to 5, or 0 while ratingCount is 0' });
    if (!p.variants) return;
    const total = p.variants.reduce((sum, v) => sum + v.stock, 0);
    if (p.stock !== total)
      ctx.addIssue({ code: 'custom', path: ['stock'], message: `must be the variants' total, ${total}` });
    const names = Object.keys(p.variants[0]?.options ?? {})
      .sort()
      .join('|');
    p.variants.forEach((v, i) => {
      if (Object.keys(v.options).sort().join('|') !== names)
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'options'],
          message: 'every variant names the same options',
        });
    });
  });

const category = z.object({ id, slug, name: text(80), description: z.string().max(500) }).strict();

export const catalogSchema = z
  .object({
    version: z.literal(1),
    currency: z.literal('EUR'),
    locale: z.literal('de-DE'),
    source: z.string().max(500),
    categories: z.array(category).min(1).max(LIMITS.categories),
    products: z.array(product).min(1).max(LIMITS.products),
  })
  .strict()
  .superRefine((catalog, ctx) => {
    const unique = (path: 'categories' | 'products', key: 'id' | 'slug', values: string[]): void => {
      const seen = new Set<string>();
      values.forEach((value, i) => {
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', path: [path, i, key], message: `"${value}" is used twice` });
        seen.add(value);
      });
    };
    unique(
      'categories',
      'id',
      catalog.categories.map((c) => c.id),
    );
    unique(
      'categories',
      'slug',
      catalog.categories.map((c) => c.slug),
    );
    unique(
      'products',
      'id',
      catalog.products.map((p) => p.id),
    );
    unique(
      'products',
      'slug',
      catalog.products.map((p) => p.slug),
    );
    const categories = new Set(catalog.categories.map((c) => c.id));
    const variantIds = new Set<string>();
    catalog.products.forEach((p, i) => {
      if (!categories.has(p.category))
        ctx.addIssue({ code: 'custom', path: ['products', i, 'category'], message: `no category "${p.category}"` });
      p.variants?.forEach((v, j) => {
        if (variantIds.has(v.id))
          ctx.addIssue({
            code: 'custom',
            path: ['products', i, 'variants', j, 'id'],
            message: `"${v.id}" is used twice`,
          });
        variantIds.add(v.id);
      });
    });
  });

/** Thrown with every problem found, each on its own line as `products.3.price: …`. */
export class CatalogFormatError extends Error {
  override name = 'CatalogFormatError';
  constructor(readonly problems: string[]) {
    super(`the catalog does not follow docs/catalog-format.md:\n${problems.join('\n')}`);
  }
}

/** One broken field: its path in the file (`products.3.price`) and what is wrong with it. */
export interface CatalogIssue {
  path: string;
  message: string;
}

/** Checks parsed JSON against the catalog rules: the catalog, or every broken field. */
export function checkCatalog(json: unknown): { ok: true; catalog: Catalog } | { ok: false; issues: CatalogIssue[] } {
  const result = catalogSchema.safeParse(json);
  if (result.success) return { ok: true, catalog: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
  };
}

/** Checks parsed JSON against the catalog rules; returns it typed or throws CatalogFormatError. */
export function parseCatalog(json: unknown, maxProblems = 20): Catalog {
  const result = checkCatalog(json);
  if (result.ok) return result.catalog;
  throw new CatalogFormatError(result.issues.slice(0, maxProblems).map((i) => `${i.path}: ${i.message}`));
}
