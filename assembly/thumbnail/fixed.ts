// The fixed-point horizontal pass for opaque rows at ordinary scales. Linear light in 15 bits and
// weights in 14 bits make eight taps of a channel one `i32x4.dot_i16x8_s`, half the instructions
// of f32 (and half the bytes decoded). Weights are rounded so each window sums to exactly 2^14.
// Precision limits where it is used (index.ts): with more taps each weight is smaller and its
// rounding error relatively larger, so wide windows (and see-through rows) stay in f32.
import { LINEAR15, LINEAR15_ONE } from './color';

export const WEIGHT_ONE: i32 = 1 << 14;
/** Widest window (taps) the fixed-point pass takes: a scale of about 26, e.g. 4000 px to 160. */
export const FIXED_MAX_TAPS: i32 = 160;

/** Decodes opaque pixels `[x0, x1)` into three i16 planes; false (nothing usable) if any is not opaque. */
export function decodeRow15(src: usize, planes: usize, stride: usize, x0: i32, x1: i32): bool {
  const red = planes;
  const green = red + stride;
  const blue = green + stride;
  let alphas: u32 = 0xff;
  for (let x = x0; x < x1; x++) {
    const pixel = src + ((<usize>x) << 2);
    const at = (<usize>x) << 1;
    store<u16>(red + at, load<u16>(LINEAR15 + ((<usize>load<u8>(pixel)) << 1)));
    store<u16>(green + at, load<u16>(LINEAR15 + ((<usize>load<u8>(pixel, 1)) << 1)));
    store<u16>(blue + at, load<u16>(LINEAR15 + ((<usize>load<u8>(pixel, 2)) << 1)));
    alphas &= load<u8>(pixel, 3);
  }
  return alphas == 0xff;
}

/**
 * Rounds the f32 weights (`stride` per output) to i16 weights (`stride16` per output, zero
 * padded), putting each window's rounding remainder on its largest tap.
 */
export function quantizeWeights(
  weights: usize,
  counts: usize,
  outW: i32,
  stride: i32,
  fixed: usize,
  stride16: i32,
): void {
  for (let x = 0; x < outW; x++) {
    const count = load<i32>(counts + ((<usize>x) << 2));
    const from = weights + <usize>x * <usize>stride * 4;
    const to = fixed + <usize>x * <usize>stride16 * 2;
    let sum = 0;
    let largest = 0;
    for (let j = 0; j < count; j++) {
      const q = <i32>Math.round(<f64>load<f32>(from + ((<usize>j) << 2)) * <f64>WEIGHT_ONE);
      store<i16>(to + ((<usize>j) << 1), <i16>q);
      sum += q;
      if (abs(q) > abs(<i32>load<i16>(to + ((<usize>largest) << 1)))) largest = j;
    }
    const at = to + ((<usize>largest) << 1);
    store<i16>(at, <i16>(<i32>load<i16>(at) + WEIGHT_ONE - sum));
  }
}

/** Filters one opaque i16 row into `outW` linear f32x4 pixels (alpha 1) at `dst`. */
export function horizontalRow15(
  planes: usize,
  planeStride: usize,
  dst: usize,
  outW: i32,
  starts: usize,
  counts: usize,
  weights: usize,
  stride: i32,
): void {
  const scale = f32x4.splat(<f32>(1.0 / (LINEAR15_ONE * <f64>WEIGHT_ONE)));
  const zero = i32x4.splat(0);
  const opaque = f32x4(0, 0, 0, 1);
  for (let x = 0; x < outW; x++) {
    const at = (<usize>x) << 2;
    const red = planes + ((<usize>load<i32>(starts + at)) << 1);
    const green = red + planeStride;
    const blue = green + planeStride;
    const taps = (load<i32>(counts + at) + 7) & ~7;
    const w = weights + <usize>x * <usize>stride * 2;
    let r = zero,
      g = zero,
      b = zero;
    for (let j = 0; j < taps; j += 8) {
      const o = (<usize>j) << 1;
      const wv = v128.load(w + o);
      r = i32x4.add(r, i32x4.dot_i16x8_s(v128.load(red + o), wv));
      g = i32x4.add(g, i32x4.dot_i16x8_s(v128.load(green + o), wv));
      b = i32x4.add(b, i32x4.dot_i16x8_s(v128.load(blue + o), wv));
    }
    // (sum r, sum g, sum b, 0) as in horizontal.ts, then to f32 with alpha exactly 1.
    const rg = i32x4.add(i32x4.shuffle(r, g, 0, 4, 1, 5), i32x4.shuffle(r, g, 2, 6, 3, 7));
    const bz = i32x4.add(i32x4.shuffle(b, zero, 0, 4, 1, 5), i32x4.shuffle(b, zero, 2, 6, 3, 7));
    const sums = i32x4.add(i32x4.shuffle(rg, bz, 0, 1, 4, 5), i32x4.shuffle(rg, bz, 2, 3, 6, 7));
    v128.store(dst + ((<usize>x) << 4), f32x4.add(f32x4.mul(f32x4.convert_i32x4_s(sums), scale), opaque));
  }
}
