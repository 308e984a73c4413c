import type { Drawing } from '../paint.js';
import { fitted, print } from './text.js';

/** Hiking or sports backpack: body, lid, front and side pockets, compression straps. */
export const backpack: Drawing = (p) => {
  const word = p.brand.split(' ')[0]!.toUpperCase();
  return `
<path d="M430 330 Q500 262 570 330" stroke="${p.dark}" stroke-width="22" fill="none"/>
<rect x="255" y="560" width="90" height="380" rx="40" fill="url(#body)"/><rect x="655" y="560" width="90" height="380" rx="40" fill="url(#body)"/>
<rect x="255" y="560" width="90" height="380" rx="40" fill="#000" opacity="0.22"/><rect x="655" y="560" width="90" height="380" rx="40" fill="#000" opacity="0.22"/>
<path d="M300 1000 L300 470 Q300 330 500 318 Q700 330 700 470 L700 1000 Z" fill="url(#body)"/>
<path d="M300 1000 L300 470 Q300 330 500 318 Q700 330 700 470 L700 1000 Z" fill="url(#shadeDown)"/>
<path d="M306 500 Q300 340 500 326 Q700 340 694 500 Q500 540 306 500 Z" fill="${p.dark}"/>
<path d="M320 505 Q500 545 680 505" stroke="#111" stroke-opacity="0.4" stroke-width="6" stroke-dasharray="12 9" fill="none"/>
<path d="M370 650 Q370 610 410 610 L590 610 Q630 610 630 650 L630 930 Q630 960 600 960 L400 960 Q370 960 370 930 Z" fill="url(#body)"/>
<path d="M370 650 Q370 610 410 610 L590 610 Q630 610 630 650 L630 930 Q630 960 600 960 L400 960 Q370 960 370 930 Z" fill="#000" opacity="0.14"/>
<path d="M385 660 L615 660" stroke="#111" stroke-opacity="0.45" stroke-width="6" stroke-dasharray="12 9"/>
<rect x="560" y="650" width="12" height="40" rx="4" fill="#222"/>
${[700, 840].map((y) => `<rect x="292" y="${y}" width="416" height="20" fill="${p.accent}" opacity="0.9"/><rect x="470" y="${y - 6}" width="60" height="32" rx="5" fill="#222"/>`).join('')}
<rect x="440" y="540" width="120" height="46" rx="6" fill="${p.accent}"/>
${print(500, 572, word, fitted(word, 100, 24, 'brand'), p.dark, 'brand')}
<path d="M326 420 Q316 700 326 980" stroke="#fff" stroke-opacity="0.18" stroke-width="24" fill="none"/>`;
};

/** Dome tent with an open door and guy lines. */
export const tent: Drawing = (p) => `
<line x1="130" y1="1000" x2="260" y2="760" stroke="#555" stroke-width="3"/>
<line x1="870" y1="1000" x2="740" y2="760" stroke="#555" stroke-width="3"/>
<path d="M150 1000 Q220 430 500 380 Q780 430 850 1000 Z" fill="url(#body)"/>
<path d="M150 1000 Q220 430 500 380 Q780 430 850 1000 Z" fill="url(#shadeDown)"/>
<path d="M500 380 Q420 650 330 1000" stroke="${p.dark}" stroke-width="10" fill="none"/>
<path d="M500 380 Q580 650 670 1000" stroke="${p.dark}" stroke-width="10" fill="none"/>
<path d="M400 1000 Q430 700 500 620 Q570 700 600 1000 Z" fill="#1d1a18"/>
<path d="M500 620 Q570 700 600 1000 L560 1000 Q540 760 500 620 Z" fill="${p.dark}"/>
<path d="M150 1000 Q220 430 500 380" stroke="#fff" stroke-opacity="0.3" stroke-width="12" fill="none"/>
<rect x="140" y="985" width="720" height="15" fill="${p.accent}" opacity="0.8"/>`;

/** A pair of trekking poles leaning side by side. */
export const poles: Drawing = (p) =>
  [-6, 5]
    .map(
      (angle, i) => `<g transform="rotate(${angle} ${480 + i * 60} 1000)">
<rect x="${470 + i * 60}" y="420" width="18" height="580" fill="url(#metal)"/>
<rect x="${467 + i * 60}" y="250" width="24" height="190" fill="url(#body)"/>
<rect x="${460 + i * 60}" y="120" width="38" height="150" rx="16" fill="#2b2622"/>
<path d="M${462 + i * 60} 140 Q${420 + i * 60} 230 ${466 + i * 60} 300" stroke="${p.accent}" stroke-width="10" fill="none"/>
<ellipse cx="${479 + i * 60}" cy="930" rx="40" ry="9" fill="#222"/>
<rect x="${475 + i * 60}" y="960" width="8" height="40" fill="#555"/></g>`,
    )
    .join('');

/** Shoe in side profile: sole with toe spring, padded collar, tongue, laces, toe cap. */
export const shoe: Drawing = (p) => {
  const sole = p.accent === '#2b2b2e' ? '#2b2b2e' : '#f1ede4';
  const upper =
    'M188 905 C168 800 176 700 202 645 Q218 603 262 606 L362 622 Q398 636 424 668 L566 760 Q706 786 806 828 Q884 862 892 905 Z';
  const laces = [0, 1, 2, 3, 4]
    .map(
      (i) =>
        `<path d="M${412 + i * 34} ${672 + i * 22} L${448 + i * 34} ${652 + i * 22}" stroke="#f8f6f0" stroke-width="11" stroke-linecap="round"/>`,
    )
    .join('');
  return `
<path d="M168 900 L806 900 Q884 900 904 938 Q910 988 852 996 L224 996 Q162 992 162 940 Z" fill="${sole}"/>
<path d="M168 900 L806 900 Q884 900 904 938 Q910 988 852 996 L224 996 Q162 992 162 940 Z" fill="url(#shadeDown)"/>
<path d="M166 952 L906 952" stroke="#000" stroke-opacity="0.14" stroke-width="5"/>
<path d="M352 622 Q378 548 440 560 L462 664 Z" fill="${p.dark}"/>
<path d="${upper}" fill="url(#bodyV)"/>
<path d="M700 790 Q800 812 858 850 Q890 872 892 905 L720 905 Q700 850 700 790 Z" fill="${p.dark}" opacity="0.35"/>
<path d="M188 905 C168 800 176 700 202 645 Q218 603 262 606 L300 612 Q280 760 300 905 Z" fill="${p.dark}" opacity="0.4"/>
<path d="M202 645 Q218 603 262 606 L362 622 Q398 636 424 668" stroke="${p.dark}" stroke-width="22" fill="none" stroke-linecap="round"/>
<path d="M400 680 L560 782 Q690 804 760 830" stroke="${p.dark}" stroke-width="6" fill="none" opacity="0.5"/>
${laces}
<path d="M300 835 Q480 720 690 842" stroke="${p.accent}" stroke-width="20" fill="none" stroke-linecap="round" opacity="0.9"/>
<rect x="184" y="612" width="26" height="70" rx="8" fill="${p.accent}"/>
<path d="M560 800 Q720 806 850 872" stroke="#fff" stroke-opacity="0.3" stroke-width="10" fill="none" stroke-linecap="round"/>`;
};

/** A shirt, pullover or jacket on an invisible mannequin: ribbed collar, cuffs and hem, soft folds. */
export const shirt: Drawing = (p) => {
  const long = p.random.chance(0.5);
  const sleeves = long
    ? [
        'M335 318 Q240 350 205 450 L160 820 L250 835 L305 560 Z',
        'M665 318 Q760 350 795 450 L840 820 L750 835 L695 560 Z',
      ]
    : ['M335 318 Q240 340 190 430 L245 545 L318 505 Z', 'M665 318 Q760 340 810 430 L755 545 L682 505 Z'];
  const cuffs = long
    ? `<path d="M160 820 L250 835 L246 870 L156 856 Z" fill="${p.dark}"/><path d="M840 820 L750 835 L754 870 L844 856 Z" fill="${p.dark}"/>`
    : '';
  const torso =
    'M335 318 Q400 298 440 288 Q500 340 560 288 Q600 298 665 318 Q700 420 690 560 Q684 760 700 930 L300 930 Q316 760 310 560 Q300 420 335 318 Z';
  return `
${sleeves.map((d) => `<path d="${d}" fill="url(#body)"/><path d="${d}" fill="#000" opacity="0.12"/>`).join('')}
${cuffs}
<path d="${torso}" fill="url(#body)"/>
<path d="M300 930 L700 930 L702 975 Q500 990 298 975 Z" fill="${p.dark}"/>
${Array.from({ length: 40 }, (_, i) => `<line x1="${305 + i * 10}" y1="934" x2="${305 + i * 10}" y2="978" stroke="#000" stroke-opacity="0.12" stroke-width="3"/>`).join('')}
<path d="M440 288 Q500 350 560 288 L574 296 Q500 376 426 296 Z" fill="${p.dark}"/>
<path d="M446 292 Q500 338 554 292 Q500 318 446 292 Z" fill="#1c1a18"/>
<path d="M335 318 Q320 420 312 520 M665 318 Q680 420 688 520" stroke="#000" stroke-opacity="0.18" stroke-width="3" fill="none"/>
<g filter="url(#fold)" opacity="0.5">
<path d="M420 430 Q395 650 440 905" stroke="#000" stroke-opacity="0.35" stroke-width="30" fill="none"/>
<path d="M595 470 Q620 700 570 905" stroke="#fff" stroke-opacity="0.35" stroke-width="26" fill="none"/>
<path d="M330 600 Q500 640 680 590" stroke="#000" stroke-opacity="0.2" stroke-width="24" fill="none"/></g>
<rect x="478" y="392" width="44" height="14" rx="3" fill="${p.accent}" opacity="0.75"/>`;
};

/** A ball with curved panels. */
export const ball: Drawing = (p) => `
<circle cx="500" cy="740" r="260" fill="url(#sphere)"/>
<path d="M290 600 Q500 760 710 600" stroke="${p.accent}" stroke-width="42" fill="none" opacity="0.85"/>
<path d="M330 900 Q500 720 670 900" stroke="${p.accent}" stroke-width="42" fill="none" opacity="0.85"/>
<circle cx="500" cy="740" r="260" fill="none" stroke="#000" stroke-opacity="0.15" stroke-width="4"/>
<ellipse cx="410" cy="610" rx="70" ry="40" fill="#fff" opacity="0.35" transform="rotate(-30 410 610)"/>`;

/** Rolled yoga mat lying on the floor, with a carry strap. */
export const roll: Drawing = (p) => `
<rect x="200" y="760" width="600" height="240" fill="url(#bodyV)"/>
<rect x="200" y="760" width="600" height="240" fill="url(#shadeDown)"/>
<ellipse cx="800" cy="880" rx="52" ry="120" fill="${p.light}"/>
${[100, 80, 60, 40, 20].map((r) => `<ellipse cx="800" cy="880" rx="${r * 0.43}" ry="${r}" fill="none" stroke="${p.dark}" stroke-width="5"/>`).join('')}
<rect x="330" y="752" width="36" height="256" fill="${p.accent}"/>
<rect x="620" y="752" width="36" height="256" fill="${p.accent}"/>
<path d="M348 752 Q500 560 638 752" stroke="${p.accent}" stroke-width="16" fill="none"/>
<rect x="200" y="785" width="600" height="18" fill="#fff" opacity="0.22"/>`;

/** A soft toy bear. */
export const plush: Drawing = (p) => `
<ellipse cx="500" cy="820" rx="190" ry="170" fill="url(#sphere)"/>
<ellipse cx="330" cy="780" rx="60" ry="95" fill="url(#sphere)" transform="rotate(25 330 780)"/>
<ellipse cx="670" cy="780" rx="60" ry="95" fill="url(#sphere)" transform="rotate(-25 670 780)"/>
<ellipse cx="400" cy="960" rx="80" ry="50" fill="url(#sphere)"/><ellipse cx="600" cy="960" rx="80" ry="50" fill="url(#sphere)"/>
<ellipse cx="400" cy="965" rx="42" ry="28" fill="${p.light}"/><ellipse cx="600" cy="965" rx="42" ry="28" fill="${p.light}"/>
<circle cx="385" cy="425" r="58" fill="url(#sphere)"/><circle cx="615" cy="425" r="58" fill="url(#sphere)"/>
<circle cx="385" cy="430" r="30" fill="${p.light}"/><circle cx="615" cy="430" r="30" fill="${p.light}"/>
<circle cx="500" cy="545" r="150" fill="url(#sphere)"/>
<ellipse cx="500" cy="600" rx="66" ry="50" fill="${p.light}"/>
<ellipse cx="500" cy="582" rx="22" ry="15" fill="#2a1d17"/>
<circle cx="448" cy="515" r="13" fill="#1d1714"/><circle cx="552" cy="515" r="13" fill="#1d1714"/>
<circle cx="452" cy="511" r="4" fill="#fff"/><circle cx="556" cy="511" r="4" fill="#fff"/>
<path d="M480 625 Q500 640 520 625" stroke="#2a1d17" stroke-width="5" fill="none"/>`;
