import { WasmInputError } from './errors.js';

// WebAssembly coerces silently at the boundary (NaN -> 0, 2**32 + 1 -> 1), so every number is
// checked here, with the name of what it is, before it crosses.

export function checkU32(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
    throw new WasmInputError(`${name} must be an integer from 0 to 4294967295, got ${String(value)}`);
  }
  return value;
}

export function checkI32(name: string, value: number): number {
  if (!Number.isInteger(value) || value < -0x8000_0000 || value > 0x7fff_ffff) {
    throw new WasmInputError(`${name} must be a 32-bit integer, got ${String(value)}`);
  }
  return value;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** Accepts a safe integer or a bigint; returns the bigint that an i64 parameter takes. */
export function checkI64(name: string, value: number | bigint): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new WasmInputError(`${name} must be a safe integer, got ${String(value)}`);
  }
  const big = BigInt(value);
  if (big < I64_MIN || big > I64_MAX) {
    throw new WasmInputError(`${name} does not fit into 64 bits: ${big}`);
  }
  return big;
}

export function checkF64(name: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new WasmInputError(`${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}
