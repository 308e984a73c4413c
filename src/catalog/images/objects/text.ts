import { escapeXml } from '../colour.js';

/** Centred print on a product: brands in a bold sans, captions in a serif, like real packaging. */
export function print(
  x: number,
  y: number,
  text: string,
  size: number,
  fill: string,
  style: 'brand' | 'caption' = 'caption',
): string {
  const family = style === 'brand' ? 'DejaVu Sans' : 'DejaVu Serif';
  const weight = style === 'brand' ? 'bold' : 'normal';
  const spacing = style === 'brand' ? ' letter-spacing="2"' : '';
  return `<text x="${x}" y="${y}" font-family="${family}" font-weight="${weight}" font-size="${size}" fill="${fill}" text-anchor="middle"${spacing}>${escapeXml(text)}</text>`;
}

/** Text shrunk to fit `width`: an estimate of glyph widths, good enough for a label. */
export function fitted(text: string, width: number, largest: number, style: 'brand' | 'caption' = 'caption'): number {
  const perCharacter = width / Math.max(1, text.length);
  // Bold capitals with 2 units of letter-spacing advance about 0.78 em; the serif about 0.57 em.
  const size = style === 'brand' ? (perCharacter - 2) / 0.78 : perCharacter / 0.57;
  return Math.max(8, Math.min(largest, size));
}

/** Words broken into at most `maxLines` lines of roughly `perLine` characters. */
export function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && (current + ' ' + word).length > perLine) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.slice(0, maxLines);
}
