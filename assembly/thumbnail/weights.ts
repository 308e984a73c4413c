// Precomputed filter windows for one axis: for each output pixel, the first source pixel, the tap
// count and the normalised weights. Computed in float64, stored as f32 for the SIMD loops.
// Plain functions over scalars: the module allocates nothing on a heap, the arena owns memory.
import { filterSupport, filterWeight } from './filters';

// The axis being computed: `span` source pixels from `start` (a crop) onto `outSize` pixels.
let inSize = 0;
let outSize = 0;
let start = 0.0;
let scale = 1.0;
/** Downscaling widens the kernel by the scale so every source pixel counts; upscaling does not. */
let filterScale = 1.0;
let support = 1.0;
let kernel: u32 = 0;

export function setAxis(sourceSize: i32, cropStart: f64, cropSpan: f64, targetSize: i32, filter: u32): void {
  inSize = sourceSize;
  outSize = targetSize;
  start = cropStart;
  scale = cropSpan / <f64>targetSize;
  filterScale = Math.max(scale, 1.0);
  support = filterSupport(filter) * filterScale;
  kernel = filter;
}

function center(i: i32): f64 {
  return start + (<f64>i + 0.5) * scale;
}

function first(i: i32): i32 {
  return min(inSize - 1, max(0, <i32>Math.ceil(center(i) - support - 0.5)));
}

function end(i: i32): i32 {
  return max(first(i) + 1, min(inSize, <i32>Math.floor(center(i) + support - 0.5) + 1));
}

/** The widest window over all outputs: the stride of the weight table and the ring height. */
export function maxTaps(): i32 {
  let widest = 1;
  for (let i = 0; i < outSize; i++) widest = max(widest, end(i) - first(i));
  return widest;
}

/**
 * Writes starts (i32), counts (i32) and weights (f32, `stride` per output) for every output, and
 * when `sums` is not 0 each window's sum of its f32 weights. Taps past `count` keep what is there:
 * the caller zeroes the table when a pass reads them.
 */
export function fillWeights(starts: usize, counts: usize, weights: usize, stride: i32, sums: usize): void {
  for (let i = 0; i < outSize; i++) {
    const c = center(i);
    const from = first(i);
    const count = end(i) - from;
    const row = weights + <usize>i * <usize>stride * 4;
    // Each kernel value once (two sines each): stored raw, then scaled by the float64 sum.
    let sum = 0.0;
    for (let j = 0; j < count; j++) {
      const w = filterWeight(kernel, (<f64>(from + j) + 0.5 - c) / filterScale);
      store<f32>(row + ((<usize>j) << 2), <f32>w);
      sum += w;
    }
    // A window of zeros cannot happen for these kernels; if it did, the nearest pixel beats NaN.
    if (sum == 0.0) store<f32>(row, 1);
    const scale = sum != 0.0 ? 1.0 / sum : 1.0;
    let stored = 0.0;
    for (let j = 0; j < count; j++) {
      const at = row + ((<usize>j) << 2);
      const w = <f32>(<f64>load<f32>(at) * scale);
      store<f32>(at, w);
      stored += <f64>w;
    }
    if (sums != 0) store<f32>(sums + ((<usize>i) << 2), <f32>stored);
    store<i32>(starts + ((<usize>i) << 2), from);
    store<i32>(counts + ((<usize>i) << 2), count);
  }
}
