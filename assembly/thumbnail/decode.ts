// First step of every source row: sRGB bytes to linear light in planes (all reds, then all
// greens, blues, alphas; `stride` bytes apart). Planes let the horizontal pass load four taps of
// one channel and their four weights as two vectors, instead of one pixel and one broadcast
// weight per tap; an opaque row needs no alpha plane at all.
import { ALPHA, LINEAR } from './color';

/**
 * Decodes pixels `[x0, x1)` of the row at `src` into the planes at `planes` (f32 each, linear,
 * premultiplied). Returns true when every pixel was opaque; the alpha plane is then not written.
 */
export function decodeRow(src: usize, planes: usize, stride: usize, x0: i32, x1: i32): bool {
  const red = planes;
  const green = red + stride;
  const blue = green + stride;
  let alphas: u32 = 0xff;
  for (let x = x0; x < x1; x++) {
    const pixel = src + ((<usize>x) << 2);
    const at = (<usize>x) << 2;
    store<f32>(red + at, load<f32>(LINEAR + ((<usize>load<u8>(pixel)) << 2)));
    store<f32>(green + at, load<f32>(LINEAR + ((<usize>load<u8>(pixel, 1)) << 2)));
    store<f32>(blue + at, load<f32>(LINEAR + ((<usize>load<u8>(pixel, 2)) << 2)));
    alphas &= load<u8>(pixel, 3);
  }
  if (alphas == 0xff) return true;
  // Some pixel is see-through: write alphas and premultiply, so clear pixels lend no colour.
  const alpha = blue + stride;
  for (let x = x0; x < x1; x++) {
    const at = (<usize>x) << 2;
    const a = load<f32>(ALPHA + ((<usize>load<u8>(src + at, 3)) << 2));
    store<f32>(alpha + at, a);
    store<f32>(red + at, load<f32>(red + at) * a);
    store<f32>(green + at, load<f32>(green + at) * a);
    store<f32>(blue + at, load<f32>(blue + at) * a);
  }
  return false;
}
