import type { Random } from '../random.js';

/**
 * What an object drawing gets: its colours and words, and the ids of the shared gradients defined in
 * the scene (`url(#body)` is a lit cylinder in the product colour, and so on).
 * Drawings use a 1000 × 1000 box whose bottom edge (y = 1000) is the floor.
 */
export interface Paint {
  colour: string;
  light: string;
  dark: string;
  /** A second colour for trims, caps and labels. */
  accent: string;
  ink: string;
  brand: string;
  caption: string;
  random: Random;
}

export type Drawing = (paint: Paint) => string;
