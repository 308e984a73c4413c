import type { VatClass } from '../../domain/catalog.js';

/** The object an image shows; each has a drawing in src/catalog/images/objects/. */
export const SHAPES = [
  'pouch',
  'jar',
  'bottle',
  'box',
  'book',
  'mug',
  'kettle',
  'pan',
  'backpack',
  'tent',
  'poles',
  'shoe',
  'shirt',
  'ball',
  'headphones',
  'speaker',
  'lamp',
  'plantpot',
  'tube',
  'roll',
  'plush',
  'grinder',
  'carton',
] as const;
export type Shape = (typeof SHAPES)[number];

/** A numeric attribute drawn from a range and printed the German way ("1,2 kg"). */
export interface NumberRange {
  min: number;
  max: number;
  step: number;
  unit: string;
}

export type AttributeValues = readonly string[] | NumberRange;

/** How a kind of product splits into variants. Multipliers scale the product's price (`amount`). */
export type VariantScheme =
  | { kind: 'size-colour'; sizes: readonly string[] }
  | { kind: 'size'; sizes: readonly string[] }
  | { kind: 'colour' }
  | { kind: 'amount'; option: string; values: readonly (readonly [label: string, multiplier: number])[] };

/** One kind of product within a category, e.g. "Wanderrucksack": the words and ranges it is made of. */
export interface ProductKind {
  noun: string;
  shape: Shape;
  /** Gross price range in whole euros. */
  price: readonly [min: number, max: number];
  /** Model names that follow the noun ("Alpin") or, with `lineFirst`, lead the title (book titles). */
  lines?: readonly string[];
  lineFirst?: boolean;
  /** Trailing title words ("wasserdicht"); some titles get one. */
  features?: readonly string[];
  attributes: Readonly<Record<string, AttributeValues>>;
  /** Attributes whose value also appears in the title, in this order ("30 L"). */
  titleAttributes?: readonly string[];
  /** Colour names from the palette; the chosen one becomes attribute "Farbe" unless `hideColour`. */
  colours: readonly string[];
  hideColour?: boolean;
  /** Opening sentences; `{Name}` is replaced by the attribute, `{noun}`, `{brand}`, `{line}` likewise. */
  intro: readonly string[];
  variants?: VariantScheme;
  tags: readonly string[];
}

export interface CategorySpec {
  id: string;
  name: string;
  description: string;
  vatClass: VatClass;
  /** Relative share of the generated products. */
  weight: number;
  brands: readonly string[];
  /** Middle sentences of descriptions, shared by the kinds of this category. */
  details: readonly string[];
  kinds: readonly ProductKind[];
}
