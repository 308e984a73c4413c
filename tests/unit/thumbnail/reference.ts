/**
 * The float64 reference resampler the engine is held to: the same filter definitions and window
 * rules as assembly/thumbnail, written plainly in double precision with exact sRGB formulas and
 * no lookup tables. Slow on purpose; used by tests and as the benchmark's quality yardstick.
 */
import type { ResizePlan, RgbaImage, ThumbnailFilter } from '../../../src/wasm/thumbnail.js';

const SUPPORT: Record<ThumbnailFilter, number> = { lanczos3: 3, lanczos2: 2, triangle: 1 };

const sinc = (x: number): number => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));

export function filterWeight(filter: ThumbnailFilter, x: number): number {
  const ax = Math.abs(x);
  if (filter === 'triangle') return ax < 1 ? 1 - ax : 0;
  const a = SUPPORT[filter];
  return ax < a ? sinc(ax) * sinc(ax / a) : 0;
}

export const srgbToLinear = (s: number): number => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);
export const linearToSrgb = (l: number): number => (l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055);

interface Window {
  first: number;
  weights: number[];
}

/** Windows for one axis: `span` source pixels from `start` onto `outSize` pixels, clamped to the image. */
export function axisWindows(
  inSize: number,
  start: number,
  span: number,
  outSize: number,
  filter: ThumbnailFilter,
): Window[] {
  const scale = span / outSize;
  const filterScale = Math.max(scale, 1);
  const support = SUPPORT[filter] * filterScale;
  return Array.from({ length: outSize }, (_, i) => {
    const center = start + (i + 0.5) * scale;
    const first = Math.min(inSize - 1, Math.max(0, Math.ceil(center - support - 0.5)));
    const end = Math.max(first + 1, Math.min(inSize, Math.floor(center + support - 0.5) + 1));
    const raw = Array.from({ length: end - first }, (_, j) =>
      filterWeight(filter, (first + j + 0.5 - center) / filterScale),
    );
    const sum = raw.reduce((a, b) => a + b, 0);
    return { first, weights: raw.map((w) => w / sum) };
  });
}

/** Resamples `image` as `plan` says, rounding only once at the very end. */
export function referenceResize(image: RgbaImage, plan: ResizePlan, filter: ThumbnailFilter = 'lanczos3'): RgbaImage {
  const { width: inW, height: inH, data } = image;
  const { width: outW, height: outH, crop } = plan;
  const columns = axisWindows(inW, crop.x, Math.min(crop.width, inW - crop.x), outW, filter);
  const rows = axisWindows(inH, crop.y, Math.min(crop.height, inH - crop.y), outH, filter);
  // Linear, premultiplied source, one row at a time so a 12 MP benchmark image fits in memory.
  const linear = new Float64Array(inW * 4);
  const horizontal = new Float64Array(outW * inH * 4);
  for (let y = 0; y < inH; y++) {
    for (let x = 0; x < inW; x++) {
      const at = (y * inW + x) * 4;
      const a = data[at + 3]! / 255;
      for (let c = 0; c < 3; c++) linear[x * 4 + c] = srgbToLinear(data[at + c]! / 255) * a;
      linear[x * 4 + 3] = a;
    }
    for (let x = 0; x < outW; x++) {
      const { first, weights } = columns[x]!;
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let j = 0; j < weights.length; j++) sum += weights[j]! * linear[(first + j) * 4 + c]!;
        horizontal[(y * outW + x) * 4 + c] = sum;
      }
    }
  }
  const out = new Uint8Array(outW * outH * 4);
  const acc = [0, 0, 0, 0];
  for (let y = 0; y < outH; y++) {
    const { first, weights } = rows[y]!;
    for (let x = 0; x < outW; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let j = 0; j < weights.length; j++) sum += weights[j]! * horizontal[((first + j) * outW + x) * 4 + c]!;
        acc[c] = sum;
      }
      const alpha = Math.min(1, Math.max(0, acc[3]!));
      const alpha8 = Math.floor(alpha * 255 + 0.5);
      const at = (y * outW + x) * 4;
      if (alpha8 === 0) continue; // fully transparent: 0, 0, 0, 0
      for (let c = 0; c < 3; c++) {
        const colour = Math.min(1, Math.max(0, acc[c]! / alpha));
        out[at + c] = Math.floor(linearToSrgb(colour) * 255 + 0.5);
      }
      out[at + 3] = alpha8;
    }
  }
  return { width: outW, height: outH, data: out };
}

export interface Agreement {
  /** Share of pixels whose every channel is within one level of the reference. */
  withinOne: number;
  maxDifference: number;
  /** Over all channels, 8-bit peak; Infinity when identical. */
  psnr: number;
}

export function compareImages(actual: RgbaImage, expected: RgbaImage): Agreement {
  if (actual.width !== expected.width || actual.height !== expected.height) {
    throw new Error(`size ${actual.width} x ${actual.height} differs from ${expected.width} x ${expected.height}`);
  }
  let close = 0;
  let maxDifference = 0;
  let squared = 0;
  const pixels = actual.width * actual.height;
  for (let i = 0; i < pixels; i++) {
    let worst = 0;
    for (let c = 0; c < 4; c++) {
      const d = Math.abs(actual.data[i * 4 + c]! - expected.data[i * 4 + c]!);
      worst = Math.max(worst, d);
      squared += d * d;
    }
    if (worst <= 1) close++;
    maxDifference = Math.max(maxDifference, worst);
  }
  const mse = squared / (pixels * 4);
  return { withinOne: close / pixels, maxDifference, psnr: mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse) };
}
