// Laden's image resampler: separable, precomputed weights, linear light, premultiplied alpha.
// The host calls prepare() with the geometry, writes RGBA bytes at inputPointer(), calls run()
// and reads RGBA bytes at outputPointer(). Every entry point returns a status instead of
// trapping on bad input; see status.ts.
import { initColorTables } from './color';
import { FILTER_COUNT } from './filters';
import { BUDGET_BYTES, MAX_PIXELS, align16, ensureMemory } from './layout';
import { decodeRow, horizontalRow, verticalRow } from './passes';
import * as status from './status';
import { fillWeights, maxTaps, setAxis } from './weights';

export { MAX_PIXELS, BUDGET_BYTES };
/** Bumped whenever output pixels could change; part of every thumbnail cache key. */
export const ENGINE_VERSION: u32 = 1;

initColorTables();

let prepared = false;
let inW = 0,
  inH = 0,
  outW = 0,
  outH = 0,
  tapsH = 0,
  tapsV = 0;
let input: usize = 0,
  output: usize = 0,
  rowBuffer: usize = 0,
  ring: usize = 0,
  ringRows: usize = 0;
let hStarts: usize = 0,
  hCounts: usize = 0,
  hWeights: usize = 0;
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

  const spanX = min(cropWidth, <f64>inWidth - cropX);
  const spanY = min(cropHeight, <f64>inHeight - cropY);
  setAxis(inWidth, cropX, spanX, outWidth, filter);
  const th = maxTaps();
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
  const vStartsAt = end;
  end = align16(end + <u64>outHeight * 4);
  const vCountsAt = end;
  end = align16(end + <u64>outHeight * 4);
  const vWeightsAt = end;
  end = align16(end + <u64>outHeight * <u64>tv * 4);
  const rowAt = end;
  end = align16(end + <u64>inWidth * 16);
  const ringAt = end;
  end = align16(end + <u64>tv * <u64>outWidth * 16);
  const ringRowsAt = end;
  end = align16(end + <u64>tv * 4);
  if (end - <u64>__heap_base > BUDGET_BYTES) return status.STATUS_OVER_BUDGET;
  if (!ensureMemory(end)) return status.STATUS_OUT_OF_MEMORY;

  inW = inWidth;
  inH = inHeight;
  outW = outWidth;
  outH = outHeight;
  tapsH = th;
  tapsV = tv;
  input = <usize>inputAt;
  output = <usize>outputAt;
  rowBuffer = <usize>rowAt;
  ring = <usize>ringAt;
  ringRows = <usize>ringRowsAt;
  hStarts = <usize>hStartsAt;
  hCounts = <usize>hCountsAt;
  hWeights = <usize>hWeightsAt;
  vStarts = <usize>vStartsAt;
  vCounts = <usize>vCountsAt;
  vWeights = <usize>vWeightsAt;
  setAxis(inWidth, cropX, spanX, outWidth, filter);
  fillWeights(hStarts, hCounts, hWeights, th);
  setAxis(inHeight, cropY, spanY, outHeight, filter);
  fillWeights(vStarts, vCounts, vWeights, tv);
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
      decodeRow(input + <usize>next * <usize>inW * 4, rowBuffer, x0, x1);
      const slot = ring + <usize>(next % tapsV) * ringStride;
      horizontalRow(rowBuffer, slot, outW, hStarts, hCounts, hWeights, tapsH);
    }
    for (let j = 0; j < count; j++) {
      store<usize>(ringRows + ((<usize>j) << 2), ring + <usize>((top + j) % tapsV) * ringStride);
    }
    const weights = vWeights + <usize>y * <usize>tapsV * 4;
    verticalRow(ringRows, count, weights, outW, output + <usize>y * <usize>outW * 4);
  }
  return status.STATUS_OK;
}
