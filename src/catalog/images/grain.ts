import { Random } from '../random.js';

const TILE = 256;

/**
 * A tile of film grain laid over every photo as it is encoded. Drawing noise in the SVG
 * (feTurbulence) costs librsvg about a quarter of a second per photo; a tiled overlay costs
 * almost nothing and is just as deterministic.
 */
export function grainTile(): { input: Buffer; raw: { width: number; height: number; channels: 4 } } {
  const random = new Random(0x6a09e667);
  const pixels = Buffer.alloc(TILE * TILE * 4);
  for (let i = 0; i < TILE * TILE; i++) {
    const light = random.chance(0.5);
    pixels[i * 4] = pixels[i * 4 + 1] = pixels[i * 4 + 2] = light ? 255 : 0;
    pixels[i * 4 + 3] = Math.floor(random.float() * 12);
  }
  return { input: pixels, raw: { width: TILE, height: TILE, channels: 4 } };
}
