import type { Variant } from '../domain/catalog.js';
import { scaledPrice } from './price.js';
import type { Random } from './random.js';
import type { VariantScheme } from './vocabulary/types.js';

/** A product's variants and the option names they vary in (those leave the product's attributes). */
export interface VariantPlan {
  variants: Variant[];
  options: string[];
}

export function planVariants(
  random: Random,
  productId: string,
  scheme: VariantScheme,
  colours: readonly string[],
  price: number,
): VariantPlan {
  const choices = variantChoices(random, scheme, colours, price);
  const variants = choices.map((choice, i): Variant => {
    const variant: Variant = {
      id: `${productId}-v${String(i + 1).padStart(2, '0')}`,
      title: choice.title,
      options: choice.options,
      stock: variantStock(random),
    };
    if (choice.price !== undefined) variant.price = choice.price;
    return variant;
  });
  return { variants, options: Object.keys(choices[0]?.options ?? {}) };
}

interface Choice {
  title: string;
  options: Record<string, string>;
  price?: number;
}

function variantChoices(random: Random, scheme: VariantScheme, colours: readonly string[], price: number): Choice[] {
  switch (scheme.kind) {
    case 'size-colour': {
      const picked = random.sample(colours, random.int(2, 3));
      const sizes = sizeRun(random, scheme.sizes);
      return picked.flatMap((colour) =>
        sizes.map((size) => ({ title: `${size} / ${colour}`, options: { Größe: size, Farbe: colour } })),
      );
    }
    case 'size':
      return sizeRun(random, scheme.sizes).map((size) => ({ title: `Größe ${size}`, options: { Größe: size } }));
    case 'colour':
      return random.sample(colours, random.int(2, 4)).map((colour) => ({ title: colour, options: { Farbe: colour } }));
    case 'amount':
      return scheme.values.map(([label, multiplier]) => {
        const choice: Choice = { title: label, options: { [scheme.option]: label } };
        if (multiplier !== 1) choice.price = scaledPrice(price, multiplier);
        return choice;
      });
  }
}

/** A contiguous run of at least four sizes, as a shop stocks them (not every size of a model exists). */
function sizeRun(random: Random, sizes: readonly string[]): string[] {
  const length = random.int(Math.min(4, sizes.length), sizes.length);
  const start = random.int(0, sizes.length - length);
  return sizes.slice(start, start + length);
}

/** Mostly in stock, some sizes sold out, a few nearly gone. */
function variantStock(random: Random): number {
  const roll = random.float();
  if (roll < 0.12) return 0;
  if (roll < 0.3) return random.int(1, 3);
  return random.int(4, 40);
}
