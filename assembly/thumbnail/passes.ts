// The hot loops. Each pixel is one f32x4 (r, g, b, a) in linear light, premultiplied, so one SIMD
// multiply-add handles a whole pixel per filter tap.
import { DECODE_A, DECODE_B, DECODE_B_OPAQUE, DECODE_G, DECODE_R, ENCODE, ENCODE_STEPS, PREMULTIPLY } from './color';

/** Decodes sRGB bytes `[x0, x1)` of one row into linear premultiplied f32x4 pixels at `dst + x * 16`. */
export function decodeRow(src: usize, dst: usize, x0: i32, x1: i32): void {
  for (let x = x0; x < x1; x++) {
    const p = load<u32>(src + ((<usize>x) << 2));
    const r = (<usize>(p & 0xff)) << 4;
    const g = (<usize>((p >>> 8) & 0xff)) << 4;
    const b = (<usize>((p >>> 16) & 0xff)) << 4;
    const rg = f32x4.add(v128.load(DECODE_R + r), v128.load(DECODE_G + g));
    let pixel: v128;
    if (p >= 0xff00_0000) {
      // Opaque, like most photo pixels: nothing to premultiply.
      pixel = f32x4.add(rg, v128.load(DECODE_B_OPAQUE + b));
    } else {
      const a = (<usize>(p >>> 24)) << 4;
      const ba = f32x4.add(v128.load(DECODE_B + b), v128.load(DECODE_A + a));
      pixel = f32x4.mul(f32x4.add(rg, ba), v128.load(PREMULTIPLY + a));
    }
    v128.store(dst + ((<usize>x) << 4), pixel);
  }
}

/** Dot product of `count` pixels at `pixels` (16 bytes apart) with `count` f32 weights. */
function convolve(pixels: usize, weights: usize, count: i32): v128 {
  let acc0 = f32x4.splat(0);
  let acc1 = f32x4.splat(0);
  let acc2 = f32x4.splat(0);
  let acc3 = f32x4.splat(0);
  let j = 0;
  // Four accumulators let consecutive multiply-adds overlap instead of waiting on each other.
  for (; j + 3 < count; j += 4) {
    const p = pixels + ((<usize>j) << 4);
    const w = weights + ((<usize>j) << 2);
    acc0 = f32x4.add(acc0, f32x4.mul(v128.load(p), v128.load32_splat(w)));
    acc1 = f32x4.add(acc1, f32x4.mul(v128.load(p, 16), v128.load32_splat(w, 4)));
    acc2 = f32x4.add(acc2, f32x4.mul(v128.load(p, 32), v128.load32_splat(w, 8)));
    acc3 = f32x4.add(acc3, f32x4.mul(v128.load(p, 48), v128.load32_splat(w, 12)));
  }
  for (; j < count; j++) {
    acc0 = f32x4.add(
      acc0,
      f32x4.mul(v128.load(pixels + ((<usize>j) << 4)), v128.load32_splat(weights + ((<usize>j) << 2))),
    );
  }
  return f32x4.add(f32x4.add(acc0, acc1), f32x4.add(acc2, acc3));
}

/** Filters one decoded row horizontally into `outW` pixels at `dst`. */
export function horizontalRow(
  row: usize,
  dst: usize,
  outW: i32,
  starts: usize,
  counts: usize,
  weights: usize,
  stride: i32,
): void {
  for (let x = 0; x < outW; x++) {
    const at = (<usize>x) << 2;
    const first = <usize>load<i32>(starts + at);
    const w = weights + <usize>x * <usize>stride * 4;
    v128.store(dst + ((<usize>x) << 4), convolve(row + (first << 4), w, load<i32>(counts + at)));
  }
}

/**
 * Filters `count` ring rows (their addresses at `rows`) vertically with `weights` and writes one
 * output row of sRGB bytes: unpremultiplied, clamped and encoded through the table.
 */
export function verticalRow(rows: usize, count: i32, weights: usize, outW: i32, out: usize): void {
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  const steps = f32x4.splat(<f32>ENCODE_STEPS);
  const half = f32x4.splat(0.5);
  for (let x = 0; x < outW; x++) {
    const offset = (<usize>x) << 4;
    let acc0 = zero;
    let acc1 = zero;
    let j = 0;
    for (; j + 1 < count; j += 2) {
      const r = rows + ((<usize>j) << 2);
      const w = weights + ((<usize>j) << 2);
      acc0 = f32x4.add(acc0, f32x4.mul(v128.load(load<usize>(r) + offset), v128.load32_splat(w)));
      acc1 = f32x4.add(acc1, f32x4.mul(v128.load(load<usize>(r, 4) + offset), v128.load32_splat(w, 4)));
    }
    if (j < count) {
      acc0 = f32x4.add(
        acc0,
        f32x4.mul(
          v128.load(load<usize>(rows + ((<usize>j) << 2)) + offset),
          v128.load32_splat(weights + ((<usize>j) << 2)),
        ),
      );
    }
    const acc = f32x4.add(acc0, acc1);
    const alpha = min<f32>(max<f32>(f32x4.extract_lane(acc, 3), 0), 1);
    const alpha8 = <u32>(alpha * 255.0 + 0.5);
    let pixel: u32 = 0;
    if (alpha8 != 0) {
      const colour = f32x4.min(f32x4.max(f32x4.div(acc, f32x4.splat(alpha)), zero), one);
      const index = i32x4.trunc_sat_f32x4_u(f32x4.add(f32x4.mul(colour, steps), half));
      pixel =
        (<u32>load<u8>(ENCODE + <usize>i32x4.extract_lane(index, 0))) |
        ((<u32>load<u8>(ENCODE + <usize>i32x4.extract_lane(index, 1))) << 8) |
        ((<u32>load<u8>(ENCODE + <usize>i32x4.extract_lane(index, 2))) << 16) |
        (alpha8 << 24);
    }
    store<u32>(out + ((<usize>x) << 2), pixel);
  }
}
