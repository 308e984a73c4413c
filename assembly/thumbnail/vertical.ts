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
 * output row of sRGB bytes. Four pixels per step share each row address and weight load, and
 * their four sums are independent, so consecutive multiply-adds overlap.
 */
export function verticalRow(rows: usize, count: i32, weights: usize, outW: i32, out: usize): void {
  let x = 0;
  for (; x + 3 < outW; x += 4) {
    const offset = (<usize>x) << 4;
    let p0 = f32x4.splat(0),
      p1 = f32x4.splat(0),
      p2 = f32x4.splat(0),
      p3 = f32x4.splat(0);
    for (let j = 0; j < count; j++) {
      const row = load<usize>(rows + ((<usize>j) << 2)) + offset;
      const w = v128.load32_splat(weights + ((<usize>j) << 2));
      p0 = f32x4.add(p0, f32x4.mul(v128.load(row), w));
      p1 = f32x4.add(p1, f32x4.mul(v128.load(row, 16), w));
      p2 = f32x4.add(p2, f32x4.mul(v128.load(row, 32), w));
      p3 = f32x4.add(p3, f32x4.mul(v128.load(row, 48), w));
    }
    const at = out + ((<usize>x) << 2);
    store<u32>(at, encode(p0));
    store<u32>(at, encode(p1), 4);
    store<u32>(at, encode(p2), 8);
    store<u32>(at, encode(p3), 12);
  }
  for (; x < outW; x++) {
    const offset = (<usize>x) << 4;
    let acc = f32x4.splat(0);
    for (let j = 0; j < count; j++) {
      const row = load<usize>(rows + ((<usize>j) << 2)) + offset;
      acc = f32x4.add(acc, f32x4.mul(v128.load(row), v128.load32_splat(weights + ((<usize>j) << 2))));
    }
    store<u32>(out + ((<usize>x) << 2), encode(acc));
  }
}
