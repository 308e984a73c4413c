import type { Drawing } from '../paint.js';
import { fitted, print, wrap } from './text.js';

/** Labels are printed in the brand's upper case over the product's caption. */
function labelText(x: number, top: number, width: number, brand: string, caption: string, ink = '#2a2622'): string {
  const lines = wrap(caption, 14, 2);
  const brandSize = fitted(brand.toUpperCase(), width, 30, 'brand');
  const captionSize = Math.min(...lines.map((line) => fitted(line, width, 40)));
  return (
    print(x, top + brandSize + 10, brand.toUpperCase(), brandSize, ink, 'brand') +
    `<line x1="${x - width * 0.3}" y1="${top + brandSize + 24}" x2="${x + width * 0.3}" y2="${top + brandSize + 24}" stroke="${ink}" stroke-width="2" opacity="0.5"/>` +
    lines
      .map((line, i) => print(x, top + brandSize + 30 + (i + 1) * captionSize * 1.15, line, captionSize, ink))
      .join('')
  );
}

/** Stand-up pouch with a crimped top seal and an aroma valve: coffee, pasta. */
export const pouch: Drawing = (p) => `
<path d="M290 1000 Q280 700 300 430 L700 430 Q720 700 710 1000 Z" fill="url(#body)"/>
<path d="M290 1000 Q280 700 300 430 L700 430 Q720 700 710 1000 Z" fill="url(#shadeDown)"/>
<rect x="296" y="380" width="408" height="56" rx="6" fill="${p.dark}"/>
${Array.from({ length: 26 }, (_, i) => `<line x1="${306 + i * 15.5}" y1="386" x2="${306 + i * 15.5}" y2="430" stroke="${p.colour}" stroke-width="4"/>`).join('')}
<circle cx="500" cy="500" r="20" fill="${p.dark}"/><circle cx="500" cy="500" r="9" fill="${p.light}"/>
<rect x="335" y="580" width="330" height="250" rx="10" fill="url(#paper)"/>
${labelText(500, 600, 300, p.brand, p.caption)}
<path d="M330 440 Q320 700 330 990" stroke="#fff" stroke-opacity="0.25" stroke-width="14" fill="none"/>
<path d="M680 440 Q690 700 684 990" stroke="#000" stroke-opacity="0.18" stroke-width="10" fill="none"/>`;

/** Glass jar with a screw lid and a paper label: honey, jam, tea, candles. */
export const jar: Drawing = (p) => `
<rect x="330" y="540" width="340" height="460" rx="46" fill="url(#body)"/>
<rect x="330" y="540" width="340" height="460" rx="46" fill="url(#shadeDown)"/>
<rect x="340" y="470" width="320" height="90" rx="14" fill="url(#${p.random.chance(0.5) ? 'metal' : 'accentBody'})"/>
${Array.from({ length: 14 }, (_, i) => `<line x1="${356 + i * 21.5}" y1="478" x2="${356 + i * 21.5}" y2="552" stroke="#000" stroke-opacity="0.18" stroke-width="5"/>`).join('')}
<rect x="330" y="660" width="340" height="220" fill="url(#paper)"/>
${labelText(500, 680, 290, p.brand, p.caption)}
<rect x="360" y="560" width="40" height="420" rx="20" fill="url(#sheen)" opacity="0.9"/>
<rect x="372" y="565" width="22" height="400" rx="11" fill="#fff" opacity="0.28"/>`;

/** Bottle with shoulders, neck and cap: oil, shampoo, flasks, vases. */
export const bottle: Drawing = (p) => {
  const body = 'M375 1000 L375 560 Q375 470 460 430 L460 300 L540 300 L540 430 Q625 470 625 560 L625 1000 Z';
  return `
<path d="${body}" fill="url(#body)"/><path d="${body}" fill="url(#shadeDown)"/>
<rect x="450" y="230" width="100" height="90" rx="12" fill="url(#accentBody)"/>
<rect x="375" y="640" width="250" height="230" fill="url(#paper)"/>
${labelText(500, 660, 220, p.brand, p.caption)}
<rect x="398" y="520" width="26" height="460" rx="13" fill="#fff" opacity="0.3"/>
<rect x="470" y="320" width="12" height="120" rx="6" fill="#fff" opacity="0.3"/>`;
};

/** Carton in three-quarter view with a printed front: tea, chocolate, toys, puzzles. */
export const box: Drawing = (p) => `
<polygon points="640,520 760,460 760,940 640,1000" fill="${p.dark}"/>
<polygon points="300,520 420,460 760,460 640,520" fill="${p.light}"/>
<rect x="300" y="520" width="340" height="480" fill="url(#bodyV)"/>
<rect x="300" y="800" width="340" height="70" fill="${p.accent}"/>
<rect x="330" y="560" width="280" height="200" rx="8" fill="url(#paper)"/>
${labelText(470, 575, 250, p.brand, p.caption)}
<circle cx="${560}" cy="${930}" r="28" fill="${p.light}" opacity="0.8"/>
<polygon points="640,520 760,460 760,475 640,535" fill="#fff" opacity="0.25"/>`;

/** A wide, flat carton standing on its long edge: puzzles, chocolate, building blocks. */
export const carton: Drawing = (p) => `
<polygon points="780,640 860,600 860,960 780,1000" fill="${p.dark}"/>
<polygon points="200,640 280,600 860,600 780,640" fill="${p.light}"/>
<rect x="200" y="640" width="580" height="360" fill="url(#bodyV)"/>
<rect x="200" y="920" width="580" height="40" fill="${p.accent}"/>
<circle cx="690" cy="720" r="42" fill="${p.light}" opacity="0.8"/>
<path d="M500 900 L580 790 L630 850 L690 770 L770 900 Z" fill="${p.dark}" opacity="0.55"/>
<rect x="228" y="668" width="250" height="160" rx="8" fill="url(#paper)"/>
${labelText(353, 676, 225, p.brand, p.caption)}
<polygon points="780,640 860,600 860,615 780,655" fill="#fff" opacity="0.25"/>`;

/** Cosmetics tube standing on its cap, crimped at the top. */
export const tube: Drawing = (p) => `
<path d="M430 905 L385 340 L615 340 L570 905 Z" fill="url(#body)"/>
<rect x="378" y="300" width="244" height="48" rx="4" fill="${p.light}"/>
${Array.from({ length: 12 }, (_, i) => `<line x1="${390 + i * 19}" y1="306" x2="${390 + i * 19}" y2="342" stroke="#000" stroke-opacity="0.15" stroke-width="4"/>`).join('')}
<rect x="425" y="895" width="150" height="105" rx="14" fill="url(#accentBody)"/>
${print(500, 520, p.brand.toUpperCase(), fitted(p.brand, 190, 26, 'brand'), p.ink, 'brand')}
${wrap(p.caption, 12, 2)
  .map((line, i) => print(500, 600 + i * 44, line, fitted(line, 190, 38), p.ink))
  .join('')}
<path d="M420 360 L455 880" stroke="#fff" stroke-opacity="0.35" stroke-width="18"/>`;

/** Mug with a handle and a glimpse of coffee. */
export const mug: Drawing = (p) => `
<path d="M640 680 C790 670 800 900 640 900" stroke="${p.dark}" stroke-width="52" fill="none"/>
<path d="M640 680 C790 670 800 900 640 900" stroke="${p.colour}" stroke-width="34" fill="none"/>
<path d="M320 610 L320 950 Q320 1000 370 1000 L610 1000 Q660 1000 660 950 L660 610 Z" fill="url(#body)"/>
<ellipse cx="490" cy="610" rx="170" ry="34" fill="${p.light}"/>
<ellipse cx="490" cy="614" rx="152" ry="26" fill="#3b2418"/>
<ellipse cx="470" cy="610" rx="70" ry="8" fill="#7a5238" opacity="0.7"/>
<rect x="352" y="650" width="28" height="320" rx="14" fill="#fff" opacity="0.32"/>`;
