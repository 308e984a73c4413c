// sRGB <-> linear light through lookup tables. Resampling averages light, so it must happen on
// linear values: averaging sRGB codes darkens fine black-and-white detail (stripes become 128
// instead of 188). Alpha is premultiplied so transparent pixels carry no colour into the edge.

/** Linear-light to sRGB table size: fine enough that the dark end stays within a fifth of a level. */
export const ENCODE_STEPS: i32 = 16383;

/** sRGB byte -> linear light, one f32 per value: decoding is three scalar loads per pixel. */
export const LINEAR: usize = memory.data(256 * 4, 16);
/** Alpha byte -> alpha in [0, 1]. */
export const ALPHA: usize = memory.data(256 * 4, 16);
export const ENCODE: usize = memory.data(ENCODE_STEPS + 1, 16);

export function srgbToLinear(s: f64): f64 {
  return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
}

export function linearToSrgb(l: f64): f64 {
  return l <= 0.0031308 ? l * 12.92 : 1.055 * Math.pow(l, 1.0 / 2.4) - 0.055;
}

export function initColorTables(): void {
  for (let v: i32 = 0; v < 256; v++) {
    store<f32>(LINEAR + ((<usize>v) << 2), <f32>srgbToLinear(<f64>v / 255.0));
    store<f32>(ALPHA + ((<usize>v) << 2), <f32>(<f64>v / 255.0));
  }
  for (let i: i32 = 0; i <= ENCODE_STEPS; i++) {
    const s = linearToSrgb(<f64>i / <f64>ENCODE_STEPS) * 255.0;
    store<u8>(ENCODE + <usize>i, <u8>Math.min(255.0, Math.floor(s + 0.5)));
  }
}

/** Linear light in 15 bits (0..32767), the fixed-point horizontal pass's input (fixed.ts). */
export const LINEAR15: usize = memory.data(256 * 2, 16);
export const LINEAR15_ONE: f64 = 32767;

export function initFixedTable(): void {
  for (let v: i32 = 0; v < 256; v++) {
    store<u16>(LINEAR15 + ((<usize>v) << 1), <u16>Math.round(srgbToLinear(<f64>v / 255.0) * LINEAR15_ONE));
  }
}
