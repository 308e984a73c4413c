// sRGB <-> linear light through lookup tables. Resampling averages light, so it must happen on
// linear values: averaging sRGB codes darkens fine black-and-white detail (stripes become 128
// instead of 188). Alpha is premultiplied so transparent pixels carry no colour into the edge.

/** Linear-light to sRGB table size: fine enough that the dark end stays within a fifth of a level. */
export const ENCODE_STEPS: i32 = 16383;

// Four tables of one v128 per byte value: a pixel's linear premultiplied vector is the sum of
// four loads (one lane each) times the alpha table, with no lane inserts in the hot loop.
export const DECODE_R: usize = memory.data(256 * 16, 16);
export const DECODE_G: usize = memory.data(256 * 16, 16);
export const DECODE_B: usize = memory.data(256 * 16, 16);
export const DECODE_A: usize = memory.data(256 * 16, 16);
/** (0, 0, b, 1): blue and an opaque alpha at once, for the common fully opaque pixel. */
export const DECODE_B_OPAQUE: usize = memory.data(256 * 16, 16);
/** (a, a, a, 1): multiplies colour by alpha and keeps alpha. */
export const PREMULTIPLY: usize = memory.data(256 * 16, 16);
export const ENCODE: usize = memory.data(ENCODE_STEPS + 1, 16);

export function srgbToLinear(s: f64): f64 {
  return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
}

export function linearToSrgb(l: f64): f64 {
  return l <= 0.0031308 ? l * 12.92 : 1.055 * Math.pow(l, 1.0 / 2.4) - 0.055;
}

export function initColorTables(): void {
  for (let v: i32 = 0; v < 256; v++) {
    const linear = <f32>srgbToLinear(<f64>v / 255.0);
    const alpha = <f32>(<f64>v / 255.0);
    const at = (<usize>v) << 4;
    v128.store(DECODE_R + at, f32x4(linear, 0, 0, 0));
    v128.store(DECODE_G + at, f32x4(0, linear, 0, 0));
    v128.store(DECODE_B + at, f32x4(0, 0, linear, 0));
    v128.store(DECODE_A + at, f32x4(0, 0, 0, alpha));
    v128.store(DECODE_B_OPAQUE + at, f32x4(0, 0, linear, 1));
    v128.store(PREMULTIPLY + at, f32x4(alpha, alpha, alpha, 1));
  }
  for (let i: i32 = 0; i <= ENCODE_STEPS; i++) {
    const s = linearToSrgb(<f64>i / <f64>ENCODE_STEPS) * 255.0;
    store<u8>(ENCODE + <usize>i, <u8>Math.min(255.0, Math.floor(s + 0.5)));
  }
}
