import type { Drawing } from '../paint.js';
import { lighten } from '../colour.js';
import { fitted, print, wrap } from './text.js';

/** A hardcover standing in three-quarter view: spine, page edges and a cover with its title. */
export const book: Drawing = (p) => {
  const lines = wrap(p.caption, 13, 4);
  const size = Math.min(...lines.map((line) => fitted(line, 270, 46)));
  const motif = p.random.pick([
    `<circle cx="500" cy="690" r="80" fill="${p.accent}" opacity="0.85"/>`,
    `<path d="M360 780 L450 650 L510 720 L570 630 L650 780 Z" fill="${p.accent}" opacity="0.85"/>`,
    `<path d="M360 720 Q430 660 500 720 T640 720 M360 760 Q430 700 500 760 T640 760" stroke="${p.accent}" stroke-width="12" fill="none"/>`,
  ]);
  return `
<polygon points="330,300 370,280 690,280 650,300" fill="#efe8d8"/>
<polygon points="650,300 690,280 690,975 650,1000" fill="#e9e1cf"/>
${Array.from({ length: 8 }, (_, i) => `<line x1="${656 + i * 4}" y1="${297 - i * 2}" x2="${656 + i * 4}" y2="${997 - i * 3}" stroke="#cfc5b0" stroke-width="1.5"/>`).join('')}
<polygon points="270,330 330,300 330,1000 270,975" fill="${p.dark}"/>
<rect x="330" y="300" width="320" height="700" fill="url(#bodyV)"/>
<rect x="330" y="300" width="18" height="700" fill="#000" opacity="0.18"/>
${lines.map((line, i) => print(495, 390 + i * size * 1.2, line, size, p.ink)).join('')}
${motif}
<line x1="380" y1="860" x2="610" y2="860" stroke="${lighten(p.ink, 0.2)}" stroke-width="2" opacity="0.6"/>
${print(495, 915, p.brand, fitted(p.brand, 240, 24, 'brand'), p.ink, 'brand')}
<g transform="rotate(-90 300 650)">${print(300, 660, p.caption, fitted(p.caption, 560, 26), p.ink, 'caption')}</g>`;
};
