import type { Catalog, Category, Product } from '../domain/catalog.js';
import type { ProductLook } from './look.js';
import { draftProduct } from './product.js';
import { Random } from './random.js';
import { slugify } from './slug.js';
import { CATEGORY_SPECS } from './vocabulary/index.js';
import type { CategorySpec } from './vocabulary/types.js';

export const MAX_PRODUCTS = 1_000_000;

export interface GeneratedCatalog {
  catalog: Catalog;
  /** What each product's photos show, in product order. */
  looks: ProductLook[];
}

/**
 * The demo catalog: a pure function of `count` and `seed`. Each product draws from its own random
 * stream (seed and position), so adding words for one kind of product leaves the others as they were.
 */
export function generateCatalog(count: number, seed: number): GeneratedCatalog {
  if (!Number.isInteger(count) || count < 1 || count > MAX_PRODUCTS) {
    throw new RangeError(`count must be a whole number from 1 to ${MAX_PRODUCTS}, got ${count}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  const nextCategory = weightedRoundRobin(CATEGORY_SPECS);
  const slugFor = uniqueSlugs();
  const products: Product[] = [];
  const looks: ProductLook[] = [];
  for (let i = 0; i < count; i++) {
    const random = Random.from(`${seed}/${i}`);
    const category = nextCategory();
    const id = `p${String(i + 1).padStart(5, '0')}`;
    const { product, look } = draftProduct(random, category, random.pick(category.kinds), id, slugFor);
    products.push(product);
    looks.push(look);
  }
  const categories: Category[] = CATEGORY_SPECS.map(({ id, name, description }) => ({
    id,
    slug: id,
    name,
    description,
  }));
  const catalog: Catalog = {
    version: 1,
    currency: 'EUR',
    locale: 'de-DE',
    source: `laden catalog generate --count ${count} --seed ${seed}`,
    categories,
    products,
  };
  return { catalog, looks };
}

/** "kaffeemuehle-handmahlwerk-edelstahl", then "-2", "-3"… for later products with the same title. */
function uniqueSlugs(): (title: string) => string {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return (title) => {
    const base = slugify(title);
    let n = nextSuffix.get(base) ?? 1;
    let slug = n === 1 ? base : `${base}-${n}`;
    while (taken.has(slug)) slug = `${base}-${++n}`;
    nextSuffix.set(base, n + 1);
    taken.add(slug);
    return slug;
  };
}

/**
 * Smooth weighted round-robin (as in nginx): categories take turns in proportion to their weight,
 * evenly interleaved, so even a small catalog has every category.
 */
function weightedRoundRobin(specs: readonly CategorySpec[]): () => CategorySpec {
  const total = specs.reduce((sum, spec) => sum + spec.weight, 0);
  const current = specs.map(() => 0);
  return () => {
    let best = 0;
    for (let i = 0; i < specs.length; i++) {
      current[i] = (current[i] ?? 0) + (specs[i]?.weight ?? 0);
      if ((current[i] ?? 0) > (current[best] ?? 0)) best = i;
    }
    current[best] = (current[best] ?? 0) - total;
    return specs[best] as CategorySpec;
  };
}
