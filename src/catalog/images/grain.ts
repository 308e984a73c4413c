import { Random } from '../random.js';

const TILE = 256;
/** Largest change of a channel value; enough to read as film grain, too little to band. */
const STRENGTH = 4;

let tile: Int8Array | undefined;

function grainTile(): Int8Array {
  if (!tile) {
    const random = new Random(0x6a09e667);
    tile = Int8Array.from({ length: TILE * TILE }, () => Math.round((random.float() * 2 - 1) * STRENGTH));
  }
  return tile;
}

/**
 * Adds the same monochrome grain to every photo's raw pixels, in place. Drawing noise in the SVG
 * (feTurbulence) costs librsvg a quarter of a second per photo and a tiled composite in sharp
 * still a third of the encoding time; this loop costs a few milliseconds and is just as deterministic.
 */
export function addGrain(pixels: Buffer, width: number, height: number, channels: number): void {
  const noise = grainTile();
  const clamped = new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.length);
  for (let y = 0; y < height; y++) {
    const row = (y % TILE) * TILE;
    let i = y * width * channels;
    for (let x = 0; x < width; x++, i += channels) {
      const delta = noise[row + (x % TILE)]!;
      clamped[i] = clamped[i]! + delta;
      clamped[i + 1] = clamped[i + 1]! + delta;
      clamped[i + 2] = clamped[i + 2]! + delta;
    }
  }
}
