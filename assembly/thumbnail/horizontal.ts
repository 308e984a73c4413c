// The horizontal pass over planar rows (decode.ts). Each output pixel's weights are padded with
// zeros to a multiple of four (index.ts), so four taps of a channel are one multiply-add of two
// vectors; the planes carry four spare zeros at the end, so the padding never reads past them.

/** (sum of r, sum of g, sum of b, sum of a): the four lanes of each accumulator added up. */
// @ts-ignore: decorator
@inline
function sumLanes(r: v128, g: v128, b: v128, a: v128): v128 {
  const rg = f32x4.add(i32x4.shuffle(r, g, 0, 4, 1, 5), i32x4.shuffle(r, g, 2, 6, 3, 7));
  const ba = f32x4.add(i32x4.shuffle(b, a, 0, 4, 1, 5), i32x4.shuffle(b, a, 2, 6, 3, 7));
  return f32x4.add(i32x4.shuffle(rg, ba, 0, 1, 4, 5), i32x4.shuffle(rg, ba, 2, 3, 6, 7));
}

/**
 * Filters one decoded row into `outW` premultiplied f32x4 pixels at `dst`. `opaque` rows have no
 * alpha plane: their alpha is the window's weight sum (`sums`), what the plane of ones would give.
 */
export function horizontalRow(
  planes: usize,
  planeStride: usize,
  opaque: bool,
  dst: usize,
  outW: i32,
  starts: usize,
  counts: usize,
  weights: usize,
  sums: usize,
  stride: i32,
): void {
  // Two inlined copies, each with `opaque` a constant, so the tap loop tests nothing per step.
  if (opaque) filterRow(planes, planeStride, true, dst, outW, starts, counts, weights, sums, stride);
  else filterRow(planes, planeStride, false, dst, outW, starts, counts, weights, sums, stride);
}

// @ts-ignore: decorator
@inline
function filterRow(
  planes: usize,
  planeStride: usize,
  opaque: bool,
  dst: usize,
  outW: i32,
  starts: usize,
  counts: usize,
  weights: usize,
  sums: usize,
  stride: i32,
): void {
  const zero = f32x4.splat(0);
  for (let x = 0; x < outW; x++) {
    const at = (<usize>x) << 2;
    const red = planes + ((<usize>load<i32>(starts + at)) << 2);
    const green = red + planeStride;
    const blue = green + planeStride;
    const alpha = blue + planeStride;
    const taps = (load<i32>(counts + at) + 3) & ~3;
    const w = weights + <usize>x * <usize>stride * 4;
    let r0 = zero,
      g0 = zero,
      b0 = zero,
      r1 = zero,
      g1 = zero,
      b1 = zero;
    let a0 = opaque ? f32x4.replace_lane(zero, 0, load<f32>(sums + at)) : zero;
    let a1 = zero;
    let j = 0;
    // Two sets of accumulators so that the adds of consecutive steps overlap.
    for (; j + 7 < taps; j += 8) {
      const o = (<usize>j) << 2;
      const wa = v128.load(w + o);
      const wb = v128.load(w + o, 16);
      r0 = f32x4.add(r0, f32x4.mul(v128.load(red + o), wa));
      g0 = f32x4.add(g0, f32x4.mul(v128.load(green + o), wa));
      b0 = f32x4.add(b0, f32x4.mul(v128.load(blue + o), wa));
      r1 = f32x4.add(r1, f32x4.mul(v128.load(red + o, 16), wb));
      g1 = f32x4.add(g1, f32x4.mul(v128.load(green + o, 16), wb));
      b1 = f32x4.add(b1, f32x4.mul(v128.load(blue + o, 16), wb));
      if (!opaque) {
        a0 = f32x4.add(a0, f32x4.mul(v128.load(alpha + o), wa));
        a1 = f32x4.add(a1, f32x4.mul(v128.load(alpha + o, 16), wb));
      }
    }
    if (j < taps) {
      const o = (<usize>j) << 2;
      const wa = v128.load(w + o);
      r0 = f32x4.add(r0, f32x4.mul(v128.load(red + o), wa));
      g0 = f32x4.add(g0, f32x4.mul(v128.load(green + o), wa));
      b0 = f32x4.add(b0, f32x4.mul(v128.load(blue + o), wa));
      if (!opaque) a0 = f32x4.add(a0, f32x4.mul(v128.load(alpha + o), wa));
    }
    const pixel = sumLanes(f32x4.add(r0, r1), f32x4.add(g0, g1), f32x4.add(b0, b1), f32x4.add(a0, a1));
    v128.store(dst + ((<usize>x) << 4), pixel);
  }
}
