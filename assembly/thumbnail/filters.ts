// Resampling kernels. The float64 reference in tests/unit/thumbnail/reference.ts defines the same
// functions; change both together.

export const FILTER_LANCZOS3: u32 = 0;
export const FILTER_LANCZOS2: u32 = 1;
/** Bilinear (tent): two taps per unit of scale, the cheap preview filter. */
export const FILTER_TRIANGLE: u32 = 2;
export const FILTER_COUNT: u32 = 3;

export function filterSupport(filter: u32): f64 {
  if (filter == FILTER_LANCZOS3) return 3.0;
  if (filter == FILTER_LANCZOS2) return 2.0;
  return 1.0;
}

function sinc(x: f64): f64 {
  if (x == 0.0) return 1.0;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/**
 * sinc(x) sinc(x / 3) from one sine: sin(pi x) = 3s - 4s^3 with s = sin(pi x / 3). Sines are most
 * of prepare()'s time, which a 2 MP job pays on every call.
 */
function lanczos3(ax: f64): f64 {
  if (ax == 0.0) return 1.0;
  const s = Math.sin((Math.PI * ax) / 3.0);
  const px = Math.PI * ax;
  return (s * (3.0 - 4.0 * s * s) * s * 3.0) / (px * px);
}

export function filterWeight(filter: u32, x: f64): f64 {
  const ax = Math.abs(x);
  if (filter == FILTER_TRIANGLE) return ax < 1.0 ? 1.0 - ax : 0.0;
  if (filter == FILTER_LANCZOS3) return ax < 3.0 ? lanczos3(ax) : 0.0;
  const a = filterSupport(filter);
  return ax < a ? sinc(ax) * sinc(ax / a) : 0.0;
}
