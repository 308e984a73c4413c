/**
 * Laden's resampling algorithm in plain TypeScript, for the benchmark only: the same windows,
 * Float32 weights, lookup tables, linear light and premultiplied alpha as assembly/thumbnail,
 * without WASM or SIMD. It shows what the engine's compilation and SIMD buy.
 */
import { planResize, type Fit } from '../../src/wasm/thumbnail-geometry.js';
import type { RgbaImage } from '../../src/wasm/thumbnail.js';

const STEPS = 16383;
const toLinear = new Float32Array(256);
const toSrgb = new Uint8Array(STEPS + 1);
for (let v = 0; v < 256; v++) {
  const s = v / 255;
  toLinear[v] = s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}
for (let i = 0; i <= STEPS; i++) {
  const l = i / STEPS;
  toSrgb[i] = Math.min(255, Math.floor((l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055) * 255 + 0.5));
}

interface Windows {
  first: Int32Array;
  count: Int32Array;
  weights: Float32Array;
  stride: number;
}

function lanczos3(x: number): number {
  const ax = Math.abs(x);
  if (ax >= 3) return 0;
  if (ax === 0) return 1;
  const px = Math.PI * ax;
  return (3 * Math.sin(px) * Math.sin(px / 3)) / (px * px);
}

function windows(inSize: number, start: number, span: number, outSize: number): Windows {
  const scale = span / outSize;
  const filterScale = Math.max(scale, 1);
  const support = 3 * filterScale;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const stride = Math.ceil(support * 2) + 2;
  const weights = new Float32Array(outSize * stride);
  for (let i = 0; i < outSize; i++) {
    const center = start + (i + 0.5) * scale;
    const from = Math.min(inSize - 1, Math.max(0, Math.ceil(center - support - 0.5)));
    const n = Math.max(1, Math.min(inSize, Math.floor(center + support - 0.5) + 1) - from);
    let sum = 0;
    for (let j = 0; j < n; j++) sum += lanczos3((from + j + 0.5 - center) / filterScale);
    for (let j = 0; j < n; j++) weights[i * stride + j] = lanczos3((from + j + 0.5 - center) / filterScale) / sum;
    first[i] = from;
    count[i] = n;
  }
  return { first, count, weights, stride };
}

export function plainResize(image: RgbaImage, box: { width: number; height: number }, fit: Fit): RgbaImage {
  const { width: inW, height: inH, data } = image;
  const plan = planResize(inW, inH, box, fit);
  const { width: outW, height: outH, crop } = plan;
  const h = windows(inW, crop.x, crop.width, outW);
  const v = windows(inH, crop.y, crop.height, outH);
  const rowFirst = v.first[0]!;
  const rowEnd = v.first[outH - 1]! + v.count[outH - 1]!;
  const row = new Float32Array(inW * 4);
  const mid = new Float32Array(outW * inH * 4);
  for (let y = rowFirst; y < rowEnd; y++) {
    for (let x = 0, at = y * inW * 4; x < inW; x++, at += 4) {
      const a = data[at + 3]! / 255;
      row[x * 4] = toLinear[data[at]!]! * a;
      row[x * 4 + 1] = toLinear[data[at + 1]!]! * a;
      row[x * 4 + 2] = toLinear[data[at + 2]!]! * a;
      row[x * 4 + 3] = a;
    }
    for (let x = 0; x < outW; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      const n = h.count[x]!;
      for (let j = 0, p = h.first[x]! * 4, w = x * h.stride; j < n; j++, p += 4, w++) {
        const k = h.weights[w]!;
        r += row[p]! * k;
        g += row[p + 1]! * k;
        b += row[p + 2]! * k;
        a += row[p + 3]! * k;
      }
      const o = (y * outW + x) * 4;
      mid[o] = r;
      mid[o + 1] = g;
      mid[o + 2] = b;
      mid[o + 3] = a;
    }
  }
  const out = new Uint8Array(outW * outH * 4);
  for (let y = 0; y < outH; y++) {
    const n = v.count[y]!;
    for (let x = 0; x < outW; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let j = 0, p = (v.first[y]! * outW + x) * 4, w = y * v.stride; j < n; j++, p += outW * 4, w++) {
        const k = v.weights[w]!;
        r += mid[p]! * k;
        g += mid[p + 1]! * k;
        b += mid[p + 2]! * k;
        a += mid[p + 3]! * k;
      }
      const alpha = Math.min(1, Math.max(0, a));
      const alpha8 = Math.floor(alpha * 255 + 0.5);
      if (alpha8 === 0) continue;
      const o = (y * outW + x) * 4;
      out[o] = toSrgb[Math.floor(Math.min(1, Math.max(0, r / alpha)) * STEPS + 0.5)]!;
      out[o + 1] = toSrgb[Math.floor(Math.min(1, Math.max(0, g / alpha)) * STEPS + 0.5)]!;
      out[o + 2] = toSrgb[Math.floor(Math.min(1, Math.max(0, b / alpha)) * STEPS + 0.5)]!;
      out[o + 3] = alpha8;
    }
  }
  return { width: outW, height: outH, data: out };
}
