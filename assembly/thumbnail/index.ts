// Laden's image resampler: separable, precomputed weights, linear light, premultiplied alpha.
// The host calls prepare() with the geometry, writes RGBA bytes at inputPointer(), calls run()
// and reads RGBA bytes at outputPointer(). Every entry point returns a status instead of
// trapping on bad input; see status.ts.
import { initColorTables, initFixedTable } from './color';
import { FILTER_COUNT } from './filters';
import { BUDGET_BYTES, MAX_PIXELS, align16, ensureMemory } from './layout';
import { decodeRow } from './decode';
import { FIXED_MAX_TAPS, decodeRow15, horizontalRow15, quantizeWeights } from './fixed';
import { horizontalRow } from './horizontal';
import * as status from './status';
import { verticalRow } from './vertical';
import { fillWeights, maxTaps, setAxis } from './weights';

export { MAX_PIXELS, BUDGET_BYTES };
/** Bumped whenever output pixels could change; part of every thumbnail cache key. */
export const ENGINE_VERSION: u32 = 2;

initColorTables();
initFixedTable();

let prepared = false;
// The last job laid out. A repeat of it (a catalog's photos share a few shapes) keeps its
// weight tables instead of computing thousands of sines again.
let laidOut = false;
let lastInW = 0,
  lastInH = 0,
  lastOutW = 0,
  lastOutH = 0,
  lastFilter: u32 = 0;
let lastCropX = 0.0,
  lastCropY = 0.0,
  lastCropW = 0.0,
  lastCropH = 0.0;
let inW = 0,
  inH = 0,
  outW = 0,
  outH = 0,
  tapsH = 0,
  tapsV = 0;
let input: usize = 0,
  output: usize = 0,
  planes: usize = 0,
  planeStride: usize = 0,
  planes15: usize = 0,
  plane15Stride: usize = 0,
  ring: usize = 0,
  ringRows: usize = 0;
let hStarts: usize = 0,
  hCounts: usize = 0,
  hWeights: usize = 0,
  hSums: usize = 0,
  hWeights15: usize = 0,
  tapsH15 = 0;
/** Opaque rows take the fixed-point pass (fixed.ts) when the windows are narrow enough. */
let fixedPoint = false;
let vStarts: usize = 0,
  vCounts: usize = 0,
  vWeights: usize = 0;

function validCrop(start: f64, span: f64, size: i32): bool {
  // NaN fails every comparison, so it is refused here too.
  return start >= 0 && span > 0 && start + span <= <f64>size * (1 + 1e-9);
}

/**
 * Checks the job and lays out memory for it: `inWidth` x `inHeight` RGBA in, `outWidth` x
 * `outHeight` out, resampled from the source rectangle (crop*) with `filter`.
 */
export function prepare(
  inWidth: i32,
  inHeight: i32,
  outWidth: i32,
  outHeight: i32,
  cropX: f64,
  cropY: f64,
  cropWidth: f64,
  cropHeight: f64,
  filter: u32,
): i32 {
  prepared = false;
  if (inWidth <= 0 || inHeight <= 0 || outWidth <= 0 || outHeight <= 0) return status.STATUS_BAD_SIZE;
  if (<u64>inWidth * <u64>inHeight > MAX_PIXELS || <u64>outWidth * <u64>outHeight > MAX_PIXELS) {
    return status.STATUS_TOO_MANY_PIXELS;
  }
  if (!validCrop(cropX, cropWidth, inWidth) || !validCrop(cropY, cropHeight, inHeight)) return status.STATUS_BAD_CROP;
  if (filter >= FILTER_COUNT) return status.STATUS_BAD_FILTER;
  if (
    laidOut &&
    inWidth == lastInW &&
    inHeight == lastInH &&
    outWidth == lastOutW &&
    outHeight == lastOutH &&
    cropX == lastCropX &&
    cropY == lastCropY &&
    cropWidth == lastCropW &&
    cropHeight == lastCropH &&
    filter == lastFilter
  ) {
    prepared = true;
    return status.STATUS_OK;
  }

  const spanX = min(cropWidth, <f64>inWidth - cropX);
  const spanY = min(cropHeight, <f64>inHeight - cropY);
  setAxis(inWidth, cropX, spanX, outWidth, filter);
  // Padded to whole vectors of four taps; the padding weights are zero.
  const widestH = maxTaps();
  const th = (widestH + 3) & ~3;
  const th15 = (widestH + 7) & ~7;
  setAxis(inHeight, cropY, spanY, outHeight, filter);
  const tv = maxTaps();

  // Sizes in u64 so that no product wraps before the budget check.
  let end = align16(<u64>__heap_base);
  const inputAt = end;
  end = align16(end + <u64>inWidth * <u64>inHeight * 4);
  const outputAt = end;
  end = align16(end + <u64>outWidth * <u64>outHeight * 4);
  const hStartsAt = end;
  end = align16(end + <u64>outWidth * 4);
  const hCountsAt = end;
  end = align16(end + <u64>outWidth * 4);
  const hWeightsAt = end;
  end = align16(end + <u64>outWidth * <u64>th * 4);
  const hSumsAt = end;
  end = align16(end + <u64>outWidth * 4);
  const hWeights15At = end;
  end = align16(end + <u64>outWidth * <u64>th15 * 2);
  const vStartsAt = end;
  end = align16(end + <u64>outHeight * 4);
  const vCountsAt = end;
  end = align16(end + <u64>outHeight * 4);
  const vWeightsAt = end;
  end = align16(end + <u64>outHeight * <u64>tv * 4);
  // Four planes (r, g, b, a) of one decoded row, each with four spare taps at the end.
  const stride = align16((<u64>inWidth + 4) * 4);
  const planesAt = end;
  end = align16(end + stride * 4);
  // The same as i16 planes (r, g, b) for the fixed-point pass, eight spare taps each.
  const stride15 = align16((<u64>inWidth + 8) * 2);
  const planes15At = end;
  end = align16(end + stride15 * 3);
  const ringAt = end;
  end = align16(end + <u64>tv * <u64>outWidth * 16);
  const ringRowsAt = end;
  end = align16(end + <u64>tv * 4);
  if (end - <u64>__heap_base > BUDGET_BYTES) return status.STATUS_OVER_BUDGET;
  if (!ensureMemory(end)) return status.STATUS_OUT_OF_MEMORY;
  laidOut = false;

  inW = inWidth;
  inH = inHeight;
  outW = outWidth;
  outH = outHeight;
  tapsH = th;
  tapsV = tv;
  input = <usize>inputAt;
  output = <usize>outputAt;
  planes = <usize>planesAt;
  planeStride = <usize>stride;
  planes15 = <usize>planes15At;
  plane15Stride = <usize>stride15;
  ring = <usize>ringAt;
  ringRows = <usize>ringRowsAt;
  hStarts = <usize>hStartsAt;
  hCounts = <usize>hCountsAt;
  hWeights = <usize>hWeightsAt;
  hSums = <usize>hSumsAt;
  hWeights15 = <usize>hWeights15At;
  tapsH15 = th15;
  fixedPoint = widestH <= FIXED_MAX_TAPS;
  vStarts = <usize>vStartsAt;
  vCounts = <usize>vCountsAt;
  vWeights = <usize>vWeightsAt;
  // Padding taps and spare plane entries are read and multiplied: they must be finite (zero).
  memory.fill(hWeights, 0, <usize>outWidth * <usize>th * 4);
  memory.fill(planes, 0, planeStride * 4);
  memory.fill(planes15, 0, plane15Stride * 3);
  memory.fill(hWeights15, 0, <usize>outWidth * <usize>th15 * 2);
  setAxis(inWidth, cropX, spanX, outWidth, filter);
  fillWeights(hStarts, hCounts, hWeights, th, hSums);
  if (fixedPoint) quantizeWeights(hWeights, hCounts, outWidth, th, hWeights15, th15);
  setAxis(inHeight, cropY, spanY, outHeight, filter);
  fillWeights(vStarts, vCounts, vWeights, tv, 0);
  lastInW = inWidth;
  lastInH = inHeight;
  lastOutW = outWidth;
  lastOutH = outHeight;
  lastCropX = cropX;
  lastCropY = cropY;
  lastCropW = cropWidth;
  lastCropH = cropHeight;
  lastFilter = filter;
  laidOut = true;
  prepared = true;
  return status.STATUS_OK;
}

export function inputPointer(): usize {
  return prepared ? input : 0;
}

export function outputPointer(): usize {
  return prepared ? output : 0;
}

/** Resamples the prepared job. Rows flow through a ring of horizontally filtered rows. */
export function run(): i32 {
  if (!prepared) return status.STATUS_NOT_PREPARED;
  const ringStride = (<usize>outW) << 4;
  const x0 = load<i32>(hStarts);
  const x1 = load<i32>(hStarts + ((<usize>(outW - 1)) << 2)) + load<i32>(hCounts + ((<usize>(outW - 1)) << 2));
  let next = load<i32>(vStarts);
  for (let y = 0; y < outH; y++) {
    const top = load<i32>(vStarts + ((<usize>y) << 2));
    const count = load<i32>(vCounts + ((<usize>y) << 2));
    next = max(next, top);
    for (; next < top + count; next++) {
      const source = input + <usize>next * <usize>inW * 4;
      const slot = ring + <usize>(next % tapsV) * ringStride;
      if (fixedPoint && decodeRow15(source, planes15, plane15Stride, x0, x1)) {
        horizontalRow15(planes15, plane15Stride, slot, outW, hStarts, hCounts, hWeights15, tapsH15);
      } else {
        const opaque = decodeRow(source, planes, planeStride, x0, x1);
        horizontalRow(planes, planeStride, opaque, slot, outW, hStarts, hCounts, hWeights, hSums, tapsH);
      }
    }
    for (let j = 0; j < count; j++) {
      store<usize>(ringRows + ((<usize>j) << 2), ring + <usize>((top + j) % tapsV) * ringStride);
    }
    const weights = vWeights + <usize>y * <usize>tapsV * 4;
    verticalRow(ringRows, count, weights, outW, output + <usize>y * <usize>outW * 4);
  }
  return status.STATUS_OK;
}
