import type { Product, ProductImage } from '../domain/catalog.js';
import { colourHex } from './vocabulary/colours.js';
import type { CategorySpec, ProductKind } from './vocabulary/types.js';
import { PHOTO_SIZES, type ProductLook } from './look.js';
import { shelfPrice } from './price.js';
import { hashString, type Random } from './random.js';
import { CLOSING_SENTENCES, fill, pickAttribute } from './text.js';
import { planVariants, type VariantPlan } from './variants.js';

export interface DraftProduct {
  product: Product;
  look: ProductLook;
}

/**
 * One product of `kind`, drawn from `random`; the same stream always gives the same product.
 * `slugFor` turns the title into a slug that is unique across the catalog.
 */
export function draftProduct(
  random: Random,
  category: CategorySpec,
  kind: ProductKind,
  id: string,
  slugFor: (title: string) => string,
): DraftProduct {
  const brand = random.pick(category.brands);
  const line = kind.lines ? random.pick(kind.lines) : undefined;
  const attributes: Record<string, string> = {};
  for (const [name, values] of Object.entries(kind.attributes)) attributes[name] = pickAttribute(random, values);
  const colour = random.pick(kind.colours);
  const price = shelfPrice(random, kind.price[0], kind.price[1]);
  const plan = kind.variants ? planVariants(random, id, kind.variants, kind.colours, price) : undefined;
  for (const option of plan?.options ?? []) delete attributes[option];
  if (!kind.hideColour && !plan?.options.includes('Farbe')) attributes['Farbe'] = colour;

  const title = makeTitle(random, kind, line, attributes);
  const words = { ...attributes, noun: kind.noun, brand, line: line ?? kind.noun, title };
  const shownColour = plan?.variants[0]?.options['Farbe'] ?? colour;
  const product: Product = {
    id,
    slug: slugFor(title),
    title,
    brand,
    category: category.id,
    description: describe(random, category, kind, words),
    tags: makeTags(kind, title, attributes['Farbe']),
    attributes,
    ...(plan && { variants: plan.variants }),
    price,
    vatClass: category.vatClass,
    stock: plan ? totalStock(plan) : productStock(random),
    ...rate(random),
    images: makeImages(random, id, title, brand, kind.hideColour ? undefined : shownColour),
  };
  const look: ProductLook = {
    id,
    shape: kind.shape,
    colour: colourHex(shownColour),
    brand,
    caption: line ?? kind.noun,
    seed: hashString(`${id}/${title}`),
  };
  return { product, look };
}

function makeTitle(
  random: Random,
  kind: ProductKind,
  line: string | undefined,
  attributes: Record<string, string>,
): string {
  if (kind.lineFirst && line) return `${line} – ${kind.noun}`;
  const parts = [kind.noun];
  if (line) parts.push(line);
  for (const name of kind.titleAttributes ?? []) if (attributes[name]) parts.push(attributes[name]);
  if (kind.features && random.chance(0.4)) parts.push(random.pick(kind.features));
  return parts.join(' ');
}

/** Intro, two or three details in random order, a closing line: several sentences, rarely the same twice. */
function describe(random: Random, category: CategorySpec, kind: ProductKind, words: Record<string, string>): string {
  const intro = fill(random.pick(kind.intro), words);
  const details = random
    .sample(category.details, category.details.length)
    .map((sentence) => fill(sentence, words))
    .filter((sentence): sentence is string => sentence !== undefined)
    .slice(0, random.int(2, 3));
  const closing = fill(random.pick(CLOSING_SENTENCES), words);
  return [intro, ...details, closing].filter(Boolean).join(' ');
}

function makeTags(kind: ProductKind, title: string, colour: string | undefined): string[] {
  const tags = new Set(kind.tags);
  if (/\bBio\b/.test(title)) tags.add('bio');
  if (colour) tags.add(colour.toLowerCase());
  return [...tags];
}

/**
 * Mostly around four stars with a long tail towards one; a perfect 5.0 only where few have rated,
 * as in real shops.
 */
function rate(random: Random): { rating: number; ratingCount: number } {
  const ratingCount = 1 + Math.floor(random.float() ** 3 * 900);
  const perfect = ratingCount < 6 && random.chance(0.4);
  const rating = perfect ? 5 : Math.round((4.9 - 1.2 * random.float() - 2.7 * random.float() ** 6) * 10) / 10;
  return { rating, ratingCount };
}

/** Sold out now and then, sometimes only a few left, usually a healthy shelf. */
function productStock(random: Random): number {
  const roll = random.float();
  if (roll < 0.07) return 0;
  if (roll < 0.2) return random.int(1, 4);
  return random.int(5, 250);
}

function totalStock(plan: VariantPlan): number {
  return plan.variants.reduce((sum, variant) => sum + variant.stock, 0);
}

const VIEWS = ['Ansicht von vorne', 'Detailansicht', 'Ansicht von der Seite'] as const;

function makeImages(
  random: Random,
  id: string,
  title: string,
  brand: string,
  colour: string | undefined,
): ProductImage[] {
  const count = random.int(1, 3);
  return PHOTO_SIZES.slice(0, count).map((size, i) => ({
    src: `images/${id}-${i + 1}.jpg`,
    width: size.width,
    height: size.height,
    alt: `${title} von ${brand}${colour ? ` in ${colour}` : ''}, ${VIEWS[i]}`,
  }));
}
