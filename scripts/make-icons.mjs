#!/usr/bin/env node
// Renders Laden's app icons from one SVG drawing with sharp (librsvg): the "any" icons keep rounded
// corners, the maskable one fills the whole square and keeps the bag inside the 80 % safe zone that
// launchers may crop to a circle. The PNGs are small and committed; rerun after changing the drawing.
import sharp from 'sharp';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const outDir = new URL('../public/icons/', import.meta.url).pathname;
// The header logo's palette (src/components/shop-header): primary green, paper bag, amber handle.
export const THEME = '#0f5c4d';

/** A shopping bag with an "L" on it, drawn on a 512 grid; `scale` shrinks it around the centre. */
function bag(scale) {
  const t = (256 * (1 - scale)).toFixed(1);
  return `
  <g transform="translate(${t} ${t}) scale(${scale})">
    <path d="M176 176v-28a80 80 0 0 1 160 0v28" fill="none" stroke="#f2a93b" stroke-width="30" stroke-linecap="round"/>
    <path d="M112 172h288l-22 236a28 28 0 0 1-28 26H162a28 28 0 0 1-28-26z" fill="url(#paper)"/>
    <path d="M224 240v128h80" fill="none" stroke="${THEME}" stroke-width="40" stroke-linecap="round" stroke-linejoin="round"/>
  </g>`;
}

function icon({ maskable }) {
  const background = maskable
    ? `<rect width="512" height="512" fill="url(#bg)"/>`
    : `<rect x="16" y="16" width="480" height="480" rx="104" fill="url(#bg)"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#14735f"/><stop offset="1" stop-color="${THEME}"/>
    </linearGradient>
    <linearGradient id="paper" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#fbf8f1"/><stop offset="1" stop-color="#ece4d3"/>
    </linearGradient>
  </defs>
  ${background}
  ${bag(maskable ? 0.72 : 0.86)}
</svg>`;
}

await mkdir(outDir, { recursive: true });
const anySvg = icon({ maskable: false });
const maskableSvg = icon({ maskable: true });
await writeFile(join(outDir, 'icon.svg'), anySvg);
const targets = [
  ['icon-192.png', anySvg, 192],
  ['icon-512.png', anySvg, 512],
  ['icon-maskable-512.png', maskableSvg, 512],
  ['apple-touch-icon-180.png', maskableSvg, 180],
];
for (const [name, svg, size] of targets) {
  await sharp(Buffer.from(svg), { density: 72 * (size / 512) * 4 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(join(outDir, name));
}
console.log(`icons written to ${outDir}`);
