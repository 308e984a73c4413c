import type { Drawing } from '../paint.js';
import { fitted, print } from './text.js';

/** Over-ear headphones: padded headband and two cups on metal yokes. */
export const headphones: Drawing = (p) => `
<path d="M290 700 Q270 300 500 290 Q730 300 710 700" stroke="${p.dark}" stroke-width="46" fill="none"/>
<path d="M310 690 Q300 330 500 320 Q700 330 690 690" stroke="${p.colour}" stroke-width="22" fill="none"/>
<rect x="270" y="640" width="28" height="110" rx="8" fill="url(#metal)"/><rect x="702" y="640" width="28" height="110" rx="8" fill="url(#metal)"/>
<rect x="215" y="700" width="150" height="280" rx="70" fill="url(#body)"/>
<rect x="635" y="700" width="150" height="280" rx="70" fill="url(#body)"/>
<rect x="330" y="720" width="50" height="240" rx="25" fill="#26262a"/>
<rect x="620" y="720" width="50" height="240" rx="25" fill="#26262a"/>
<ellipse cx="268" cy="800" rx="16" ry="60" fill="#fff" opacity="0.25"/>
<ellipse cx="688" cy="800" rx="16" ry="60" fill="#fff" opacity="0.25"/>`;

/** Speaker, power bank or radio: a rounded block with a fabric grille and buttons. */
export const speaker: Drawing = (p) => {
  const dots = Array.from({ length: 9 * 12 }, (_, i) => {
    const x = 320 + (i % 12) * 33 + (Math.floor(i / 12) % 2) * 16;
    const y = 640 + Math.floor(i / 12) * 33;
    return `<circle cx="${x}" cy="${y}" r="8" fill="#000" opacity="0.28"/>`;
  }).join('');
  return `
<rect x="280" y="560" width="440" height="440" rx="70" fill="url(#body)"/>
<rect x="280" y="560" width="440" height="440" rx="70" fill="url(#shadeDown)"/>
<rect x="300" y="615" width="400" height="320" rx="40" fill="${p.dark}" opacity="0.25"/>
${dots}
<rect x="440" y="570" width="120" height="22" rx="11" fill="${p.dark}"/>
<circle cx="470" cy="581" r="6" fill="${p.light}"/><circle cx="500" cy="581" r="6" fill="${p.light}"/><circle cx="530" cy="581" r="6" fill="${p.light}"/>
${print(500, 975, p.brand.split(' ')[0]!.toUpperCase(), fitted(p.brand.split(' ')[0]!, 120, 20, 'brand'), p.ink, 'brand')}
<rect x="300" y="600" width="24" height="380" rx="12" fill="#fff" opacity="0.18"/>`;
};
