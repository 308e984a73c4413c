/** Test images built from formulas, so every expectation can be derived rather than stored. */
import type { RgbaImage } from '../../../src/wasm/thumbnail.js';

export function makeImage(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  }
  return { width, height, data };
}

export const gradient = (width: number, height: number): RgbaImage =>
  makeImage(width, height, (x, y) => [
    Math.round((255 * x) / Math.max(1, width - 1)),
    Math.round((255 * y) / Math.max(1, height - 1)),
    Math.round((255 * (x + y)) / Math.max(1, width + height - 2)),
    255,
  ]);

/** Concentric rings whose frequency rises towards the edge: every frequency at once, aliasing shows. */
export const zonePlate = (size: number): RgbaImage =>
  makeImage(size, size, (x, y) => {
    const dx = x - size / 2;
    const dy = y - size / 2;
    const v = Math.round(127.5 + 127.5 * Math.cos((Math.PI * (dx * dx + dy * dy)) / size));
    return [v, v, v, 255];
  });

/** One-pixel black and white columns. */
export const stripes = (width: number, height: number): RgbaImage =>
  makeImage(width, height, (x) => (x % 2 === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255]));

/**
 * A white disc "logo" on a fully transparent layer whose hidden colour is black (how most tools
 * store transparency): without premultiplied alpha, that black bleeds in as a dark fringe.
 */
export const transparentLogo = (size: number): RgbaImage =>
  makeImage(size, size, (x, y) => {
    const r = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
    return r < size * 0.35 ? [255, 255, 255, 255] : [0, 0, 0, 0];
  });

/** Deterministic noise (a small LCG), the worst case for both speed and precision. */
export function noise(width: number, height: number, seed = 1): RgbaImage {
  let state = seed >>> 0;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = state >>> 24;
  }
  return { width, height, data };
}

/** Source-over composite of `image` onto an opaque colour, in 8-bit sRGB as a browser paints it. */
export function composite(image: RgbaImage, background: [number, number, number]): RgbaImage {
  return makeImage(image.width, image.height, (x, y) => {
    const at = (y * image.width + x) * 4;
    const a = image.data[at + 3]! / 255;
    return [0, 1, 2].map((c) => Math.round(image.data[at + c]! * a + background[c]! * (1 - a))).concat(255) as [
      number,
      number,
      number,
      number,
    ];
  });
}
