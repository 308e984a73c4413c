import type { Shape } from './vocabulary/types.js';

/** What a product's photos show: enough for the image renderer, never part of catalog.json. */
export interface ProductLook {
  id: string;
  shape: Shape;
  /** Main colour of the object, `#rrggbb`. */
  colour: string;
  /** Printed on labels and spines: the brand. */
  brand: string;
  /** A short caption for labels and covers, e.g. the tea's sort or the book's title. */
  caption: string;
  /** Per-product seed for the small variations between photos. */
  seed: number;
}

/** Pixel sizes of a product's photos by position: a 4:3 hero, then a square detail and another 4:3. */
export const PHOTO_SIZES = [
  { width: 1600, height: 1200 },
  { width: 1200, height: 1200 },
  { width: 1600, height: 1200 },
] as const;
