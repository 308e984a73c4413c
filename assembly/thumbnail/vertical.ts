// The vertical pass and the way back to bytes. Ring rows hold one premultiplied linear f32x4 per
// pixel; each output row combines its window of ring rows, unpremultiplies, clamps and encodes.
import { ENCODE, ENCODE_STEPS } from './color';

/** Unpremultiplies, clamps and encodes one linear pixel to four sRGB bytes (as a u32, r lowest). */
// @ts-ignore: decorator
@inline
function encode(acc: v128): u32 {
  const alpha = min<f32>(max<f32>(f32x4.extract_lane(acc, 3), 0), 1);
  const alpha8 = <u32>(alpha * 255.0 + 0.5);
  if (alpha8 == 0) return 0;
  // An opaque window sums its weights to 1 within f32 rounding; dividing by that would move no
  // colour by a fifth of an encoding step, so the division (the slowest step here) is skipped.
  const colour = alpha >= <f32>0.99999 ? acc : f32x4.div(acc, f32x4.splat(alpha));
  const clamped = f32x4.min(f32x4.max(colour, f32x4.splat(0)), f32x4.splat(1));
  const index = i32x4.trunc_sat_f32x4_u(f32x4.add(f32x4.mul(clamped, f32x4.splat(<f32>ENCODE_STEPS)), f32x4.splat(0.5)));
  return (
    (<u32>load<u8>(ENCODE + <usize>i32x4.extract_lane(index, 0))) |
    ((<u32>load<u8>(ENCODE + <usize>i32x4.extract_lane(index, 1))) << 8) |
    ((<u32>load<u8>(ENCODE + <usize>i32x4.extract_lane(index, 2))) << 16) |
    (alpha8 << 24)
  );
}

/**
 * Filters `count` ring rows (their addresses at `rows`) vertically with `weights` and writes one
 * output row of sRGB bytes. Two pixels per step share each row address and weight.
 */
export function verticalRow(rows: usize, count: i32, weights: usize, outW: i32, out: usize): void {
  let x = 0;
  for (; x + 1 < outW; x += 2) {
    const offset = (<usize>x) << 4;
    // Two accumulators per pixel (even and odd rows), so consecutive adds need not wait.
    let left0 = f32x4.splat(0),
      left1 = f32x4.splat(0),
      right0 = f32x4.splat(0),
      right1 = f32x4.splat(0);
    let j = 0;
    for (; j + 1 < count; j += 2) {
      const at = rows + ((<usize>j) << 2);
      const even = load<usize>(at) + offset;
      const odd = load<usize>(at, 4) + offset;
      const w = weights + ((<usize>j) << 2);
      const we = v128.load32_splat(w);
      const wo = v128.load32_splat(w, 4);
      left0 = f32x4.add(left0, f32x4.mul(v128.load(even), we));
      right0 = f32x4.add(right0, f32x4.mul(v128.load(even, 16), we));
      left1 = f32x4.add(left1, f32x4.mul(v128.load(odd), wo));
      right1 = f32x4.add(right1, f32x4.mul(v128.load(odd, 16), wo));
    }
    if (j < count) {
      const row = load<usize>(rows + ((<usize>j) << 2)) + offset;
      const w = v128.load32_splat(weights + ((<usize>j) << 2));
      left0 = f32x4.add(left0, f32x4.mul(v128.load(row), w));
      right0 = f32x4.add(right0, f32x4.mul(v128.load(row, 16), w));
    }
    store<u32>(out + ((<usize>x) << 2), encode(f32x4.add(left0, left1)));
    store<u32>(out + ((<usize>x) << 2), encode(f32x4.add(right0, right1)), 4);
  }
  if (x < outW) {
    const offset = (<usize>x) << 4;
    let acc = f32x4.splat(0);
    for (let j = 0; j < count; j++) {
      const row = load<usize>(rows + ((<usize>j) << 2)) + offset;
      acc = f32x4.add(acc, f32x4.mul(v128.load(row), v128.load32_splat(weights + ((<usize>j) << 2))));
    }
    store<u32>(out + ((<usize>x) << 2), encode(acc));
  }
}
