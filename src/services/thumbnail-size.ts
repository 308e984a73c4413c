import { planResize } from '../wasm/thumbnail-geometry.js';
import { shippedThumbPath, shippedWidths } from '../wasm/thumbnail-ladder.js';

/** Pixel widths are rounded up to this step, so small layout changes reuse one cached thumbnail. */
export const WIDTH_STEP = 40;

/** The width to make for an element `cssWidth` CSS pixels wide: device pixels, never above the original. */
export function targetWidth(cssWidth: number, devicePixelRatio: number, originalWidth: number): number {
  const device = Math.ceil(cssWidth * Math.max(1, devicePixelRatio || 1));
  return Math.max(1, Math.min(originalWidth, Math.ceil(device / WIDTH_STEP) * WIDTH_STEP));
}

/** The thumbnail's height for `width`, following the original's aspect ratio like the engine does. */
export function targetHeight(width: number, originalWidth: number, originalHeight: number): number {
  return planResize(originalWidth, originalHeight, { width }, 'contain').height;
}

/**
 * What to resample from: the smallest shipped thumbnail at least `width` wide, so the device
 * downloads tens of kilobytes; the original only when nothing shipped is big enough.
 */
export function resampleSource(src: string, originalWidth: number, width: number): string {
  const shipped = shippedWidths(originalWidth).find((w) => w >= width);
  return (shipped === undefined ? undefined : shippedThumbPath(src, shipped)) ?? src;
}

export { shippedSrcset } from '../wasm/thumbnail-ladder.js';
