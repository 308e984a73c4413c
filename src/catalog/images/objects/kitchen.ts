import type { Drawing } from '../paint.js';
import { print } from './text.js';

/** Kettle (also coffee machines and watering cans): a tapered body, lid, spout and handle. */
export const kettle: Drawing = (p) => `
<path d="M345 640 Q250 600 215 520 L240 505 Q290 570 360 585 Z" fill="url(#body)"/>
<path d="M655 560 Q790 560 790 700 Q790 860 690 900" stroke="${p.dark}" stroke-width="44" fill="none" stroke-linecap="round"/>
<path d="M310 1000 L345 570 Q355 520 410 515 L590 515 Q645 520 655 570 L690 1000 Z" fill="url(#body)"/>
<path d="M310 1000 L345 570 Q355 520 410 515 L590 515 Q645 520 655 570 L690 1000 Z" fill="url(#shadeDown)"/>
<rect x="300" y="955" width="400" height="45" rx="10" fill="#2a2a2c"/>
<path d="M395 520 Q500 440 605 520 Z" fill="${p.dark}"/>
<rect x="470" y="450" width="60" height="36" rx="14" fill="#2a2a2c"/>
<path d="M385 580 L362 930" stroke="#fff" stroke-opacity="0.45" stroke-width="20" stroke-linecap="round"/>
<rect x="470" y="760" width="60" height="22" rx="11" fill="${p.dark}" opacity="0.6"/>
${print(500, 700, p.brand.toUpperCase(), 22, p.ink, 'brand')}`;

/** Frying pan seen from above at an angle, with its handle. */
export const pan: Drawing = (p) => `
<path d="M690 830 L960 770 Q985 766 988 790 Q990 812 966 818 L700 880 Z" fill="#2a2421"/>
<path d="M870 790 L955 772" stroke="#fff" stroke-opacity="0.18" stroke-width="6"/>
<ellipse cx="420" cy="890" rx="300" ry="100" fill="url(#body)"/>
<rect x="120" y="830" width="600" height="60" fill="url(#body)"/>
<ellipse cx="420" cy="830" rx="300" ry="105" fill="${p.light}"/>
<ellipse cx="420" cy="834" rx="275" ry="90" fill="#1f1f22"/>
<ellipse cx="390" cy="820" rx="200" ry="50" fill="#fff" opacity="0.06"/>
<ellipse cx="330" cy="800" rx="90" ry="18" fill="#fff" opacity="0.1"/>`;

/** Flower pot with soil and a leafy plant. */
export const plantpot: Drawing = (p) => {
  const leaves = Array.from({ length: 9 }, (_, i) => {
    const angle = -70 + i * 17.5 + p.random.range(-6, 6);
    const length = p.random.range(190, 300);
    return `<ellipse cx="500" cy="${600 - length / 2}" rx="${length * 0.2}" ry="${length / 2}" fill="url(#leaf)" transform="rotate(${angle} 500 600)"/>`;
  }).join('');
  return `
${leaves}
<path d="M350 640 L650 640 L612 1000 L388 1000 Z" fill="url(#body)"/>
<path d="M350 640 L650 640 L612 1000 L388 1000 Z" fill="url(#shadeDown)"/>
<rect x="330" y="595" width="340" height="70" rx="8" fill="url(#body)"/>
<ellipse cx="500" cy="600" rx="158" ry="18" fill="#3a2a1f"/>
<path d="M375 670 L405 980" stroke="#fff" stroke-opacity="0.3" stroke-width="16"/>`;
};

/** Table lamp, switched on: conical shade, stem, round foot. */
export const lamp: Drawing = (p) => `
<circle cx="500" cy="560" r="330" fill="url(#glow)" opacity="0.55"/>
<ellipse cx="500" cy="980" rx="150" ry="26" fill="url(#metal)"/>
<rect x="380" y="960" width="240" height="22" fill="url(#metal)"/>
<rect x="488" y="520" width="24" height="450" fill="url(#metal)"/>
<path d="M390 250 L610 250 L700 540 L300 540 Z" fill="url(#body)"/>
<ellipse cx="500" cy="540" rx="200" ry="26" fill="#fff3cf"/>
<ellipse cx="500" cy="250" rx="110" ry="14" fill="${p.dark}"/>
<path d="M420 262 L350 530" stroke="#fff" stroke-opacity="0.3" stroke-width="20"/>`;

/** Hand coffee grinder: a cylinder with a crank on top and a grounds cup below. */
export const grinder: Drawing = (p) => `
<rect x="400" y="440" width="200" height="400" rx="18" fill="url(#body)"/>
<rect x="392" y="820" width="216" height="180" rx="20" fill="url(#metal)"/>
<rect x="392" y="820" width="216" height="180" rx="20" fill="url(#shadeDown)"/>
<rect x="392" y="810" width="216" height="20" fill="#2a2826" opacity="0.6"/>
${Array.from({ length: 9 }, (_, i) => `<line x1="${412 + i * 22}" y1="840" x2="${412 + i * 22}" y2="990" stroke="#000" stroke-opacity="0.12" stroke-width="6"/>`).join('')}
<rect x="410" y="410" width="180" height="40" rx="10" fill="url(#metal)"/>
<rect x="490" y="330" width="20" height="90" fill="url(#metal)"/>
<path d="M500 340 L720 300" stroke="#8d9298" stroke-width="22" stroke-linecap="round"/>
<path d="M500 336 L720 296" stroke="#fff" stroke-opacity="0.4" stroke-width="6" stroke-linecap="round"/>
<rect x="702" y="220" width="44" height="96" rx="22" fill="#5b3b25"/>
<rect x="712" y="230" width="12" height="76" rx="6" fill="#fff" opacity="0.2"/>
<circle cx="500" cy="330" r="26" fill="url(#metal)"/>
<rect x="420" y="470" width="26" height="340" rx="13" fill="#fff" opacity="0.25"/>
${print(500, 660, p.brand.split(' ')[0]!.toUpperCase(), 20, p.ink, 'brand')}`;
