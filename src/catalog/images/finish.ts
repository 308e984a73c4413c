import { Random } from '../random.js';

const TILE = 256;
/** Largest change of a channel value; enough to read as film grain, too little to band. */
const GRAIN = 4;
/** Darkening at the very corners, as a lens does; none inside 55 % of the way to the edge. */
const VIGNETTE = 0.32;
const VIGNETTE_START = 0.55;

let grainTile: Int8Array | undefined;
const vignettes = new Map<string, Uint16Array>();

function grain(): Int8Array {
  if (!grainTile) {
    const random = new Random(0x6a09e667);
    grainTile = Int8Array.from({ length: TILE * TILE }, () => Math.round((random.float() * 2 - 1) * GRAIN));
  }
  return grainTile;
}

/** How much of each pixel the vignette keeps, in 256ths, for one image size (cached). */
function vignette(width: number, height: number): Uint16Array {
  const key = `${width}x${height}`;
  let keep = vignettes.get(key);
  if (!keep) {
    keep = new Uint16Array(width * height);
    for (let y = 0; y < height; y++) {
      const dy = (y / height - 0.48) / 0.75;
      for (let x = 0; x < width; x++) {
        const dx = (x / width - 0.5) / 0.75;
        const reach = Math.min(1, Math.max(0, (Math.hypot(dx, dy) - VIGNETTE_START) / (1 - VIGNETTE_START)));
        keep[y * width + x] = Math.round(256 * (1 - VIGNETTE * reach));
      }
    }
    vignettes.set(key, keep);
  }
  return keep;
}

/**
 * Lays the subject (straight-alpha RGBA) over the backdrop (RGB) and adds the camera's part: the
 * vignette, then monochrome film grain. One pass in JavaScript: librsvg needs a quarter of a second
 * per photo for feTurbulence noise and sharp's composite costs more than drawing the subject; this
 * loop takes a few milliseconds and is just as deterministic. Returns new RGB pixels.
 */
export function finishPhoto(backdrop: Buffer, subject: Buffer, width: number, height: number): Buffer {
  const noise = grain();
  const keep = vignette(width, height);
  const out = Buffer.alloc(width * height * 3);
  const clamped = new Uint8ClampedArray(out.buffer, out.byteOffset, out.length);
  for (let y = 0, p = 0; y < height; y++) {
    const row = (y % TILE) * TILE;
    for (let x = 0; x < width; x++, p++) {
      const i = p * 3;
      const s = p * 4;
      const alpha = subject[s + 3]!;
      const k = keep[p]!;
      const delta = noise[row + (x % TILE)]!;
      for (let c = 0; c < 3; c++) {
        const mixed = (subject[s + c]! * alpha + backdrop[i + c]! * (255 - alpha) + 127) / 255;
        clamped[i + c] = ((mixed * k) >> 8) + delta;
      }
    }
  }
  return out;
}
