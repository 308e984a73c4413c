import { Random } from '../random.js';
import type { ProductLook } from '../look.js';
import { darken, inkOn, lighten, mix } from './colour.js';
import { OBJECTS } from './objects/index.js';
import type { Paint } from './paint.js';

/** Studio backdrops: warm and cool greys, paper, a hint of sage or blush. */
const BACKDROPS = ['#e9e6e1', '#e3e6ea', '#efe9df', '#e2e7e0', '#eee4e1', '#dcdcdc', '#e8e2d6'] as const;
const ACCENTS = ['#f4efe4', '#2b2b2e', '#c8a46a', '#ffffff', '#39424e'] as const;

interface View {
  /** Object height as a share of the image height. */
  size: number;
  /** The most of the image width the object may take. */
  breadth: number;
  /** Floor line as a share of the image height. */
  floor: number;
  /** Horizontal centre as a share of the image width. */
  centre: number;
  podium: boolean;
}

/** Hero shot, a close detail crop, and a smaller view off-centre on a podium. */
const VIEWS: readonly View[] = [
  { size: 0.62, breadth: 0.7, floor: 0.86, centre: 0.5, podium: false },
  { size: 0.88, breadth: 0.92, floor: 0.96, centre: 0.5, podium: false },
  { size: 0.5, breadth: 0.55, floor: 0.8, centre: 0.42, podium: true },
];

/**
 * A photo in two layers: the studio backdrop, shared by many photos and rendered once per run, and
 * the subject (podium, shadows, object) on a transparent canvas. Vignette and grain are added to the
 * pixels afterwards (see finish.ts). Deterministic for the same look.
 */
export interface PhotoLayers {
  backdrop: string;
  subject: string;
}

/** The layers of photo number `index` (0-based) of a product. */
export function photoLayers(look: ProductLook, index: number, width: number, height: number): PhotoLayers {
  const random = new Random(look.seed + index * 0x9e37);
  const view = VIEWS[index] ?? VIEWS[0]!;
  const backdrop = BACKDROPS[(look.seed + index) % BACKDROPS.length]!;
  const object = OBJECTS[look.shape];
  const paint: Paint = {
    colour: look.colour,
    light: lighten(look.colour, 0.35),
    dark: darken(look.colour, 0.45),
    accent: pickAccent(look.colour, random),
    ink: inkOn(look.colour),
    brand: look.brand,
    caption: look.caption,
    random,
  };
  // Fit the object's own height to the view, unless that would make a wide object overflow the frame.
  const scale = Math.min((height * view.size) / (1000 - object.top), (width * view.breadth) / (2 * object.reach));
  const floorY = height * view.floor - (view.podium ? height * 0.05 : 0);
  const x = width * view.centre;
  const shadowWidth = object.footprint * scale;
  const place = `translate(${x - 500 * scale} ${floorY - 1000 * scale}) scale(${scale})`;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
  return {
    backdrop: `${open}<defs>${studioDefs(backdrop)}</defs>
<rect width="${width}" height="${height}" fill="url(#wall)"/>
<ellipse cx="${x}" cy="${floorY - height * 0.28}" rx="${width * 0.42}" ry="${height * 0.42}" fill="url(#spot)"/>
</svg>`,
    subject: `${open}<defs>${shadowDefs()}${materialDefs(paint)}</defs>
${view.podium ? podium(x, floorY, Math.max(shadowWidth * 1.5, width * 0.14), height, backdrop) : ''}
<ellipse cx="${x}" cy="${floorY}" rx="${shadowWidth * 1.35}" ry="${shadowWidth * 0.22}" fill="url(#floorShadow)"/>
<ellipse cx="${x}" cy="${floorY - 1}" rx="${shadowWidth * 1.02}" ry="${shadowWidth * 0.07}" fill="url(#contactShadow)"/>
<g transform="${place}">${object.draw(paint)}</g>
</svg>`,
  };
}

function pickAccent(colour: string, random: Random): string {
  const accent = random.pick(ACCENTS);
  // An accent too close to the body colour would vanish; fall back to a shade of the colour itself.
  return Math.abs(parseInt(accent.slice(1, 3), 16) - parseInt(colour.slice(1, 3), 16)) < 40
    ? darken(colour, 0.6)
    : accent;
}

function podium(x: number, floorY: number, radius: number, height: number, backdrop: string): string {
  const top = floorY;
  const bottom = floorY + height * 0.12;
  const face = darken(backdrop, 0.06);
  return `<path d="M${x - radius} ${top} L${x - radius} ${bottom} A${radius} ${radius * 0.18} 0 0 0 ${x + radius} ${bottom} L${x + radius} ${top} Z" fill="${face}"/>
<path d="M${x - radius} ${top} L${x - radius} ${bottom} A${radius} ${radius * 0.18} 0 0 0 ${x + radius} ${bottom} L${x + radius} ${top} Z" fill="url(#cylinderShade)"/>
<ellipse cx="${x}" cy="${top}" rx="${radius}" ry="${radius * 0.18}" fill="${lighten(backdrop, 0.35)}"/>`;
}

function studioDefs(backdrop: string): string {
  return `<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="${darken(backdrop, 0.14)}"/><stop offset="0.55" stop-color="${lighten(backdrop, 0.25)}"/>
<stop offset="0.78" stop-color="${backdrop}"/><stop offset="1" stop-color="${darken(backdrop, 0.16)}"/></linearGradient>
<radialGradient id="spot"><stop offset="0" stop-color="#fff" stop-opacity="0.55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>`;
}

function shadowDefs(): string {
  return `<linearGradient id="cylinderShade"><stop offset="0" stop-color="#000" stop-opacity="0.25"/><stop offset="0.4" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient>
<radialGradient id="floorShadow"><stop offset="0" stop-color="#000" stop-opacity="0.3"/><stop offset="0.6" stop-color="#000" stop-opacity="0.12"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
<radialGradient id="contactShadow"><stop offset="0" stop-color="#000" stop-opacity="0.5"/><stop offset="0.7" stop-color="#000" stop-opacity="0.3"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
<filter id="fold" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="14"/></filter>`;
}

/** Shared fills of the drawings: see Paint. */
function materialDefs(p: Paint): string {
  const cylinder = (id: string, base: string): string =>
    `<linearGradient id="${id}"><stop offset="0" stop-color="${darken(base, 0.42)}"/><stop offset="0.22" stop-color="${base}"/>` +
    `<stop offset="0.38" stop-color="${lighten(base, 0.28)}"/><stop offset="0.62" stop-color="${base}"/><stop offset="1" stop-color="${darken(base, 0.5)}"/></linearGradient>`;
  return `${cylinder('body', p.colour)}${cylinder('accentBody', p.accent)}${cylinder('metal', '#b4b9be')}${cylinder('paper', '#f3eee3')}
<linearGradient id="bodyV" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.light}"/><stop offset="0.45" stop-color="${p.colour}"/><stop offset="1" stop-color="${mix(p.colour, p.dark, 0.6)}"/></linearGradient>
<radialGradient id="sphere" cx="0.38" cy="0.32" r="0.75"><stop offset="0" stop-color="${lighten(p.colour, 0.5)}"/><stop offset="0.45" stop-color="${p.colour}"/><stop offset="1" stop-color="${p.dark}"/></radialGradient>
<linearGradient id="sheen"><stop offset="0.15" stop-color="#fff" stop-opacity="0"/><stop offset="0.3" stop-color="#fff" stop-opacity="0.55"/><stop offset="0.4" stop-color="#fff" stop-opacity="0"/></linearGradient>
<linearGradient id="shadeDown" x1="0" y1="0" x2="0" y2="1"><stop offset="0.5" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient>
<linearGradient id="leaf" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#7fae5a"/><stop offset="1" stop-color="#2f5e2c"/></linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="#fff6d8" stop-opacity="0.95"/><stop offset="1" stop-color="#ffd98a" stop-opacity="0"/></radialGradient>`;
}
