import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from '../../../src/catalog/slug.js';

describe('slugify', () => {
  it('transliterates German letters instead of dropping their dots', () => {
    expect(slugify('Kaffeemühle Handmahlwerk Edelstahl')).toBe('kaffeemuehle-handmahlwerk-edelstahl');
    expect(slugify('Größe Öl Äpfel')).toBe('groesse-oel-aepfel');
  });

  it('keeps only lower-case ASCII, digits and single dashes', () => {
    expect(slugify('Wanderrucksack Alpin 30 L – wasserdicht!')).toBe('wanderrucksack-alpin-30-l-wasserdicht');
    expect(slugify('Kaffee & Tee')).toBe('kaffee-und-tee');
    expect(slugify('Crème brûlée, 0,75 l')).toBe('creme-brulee-0-75-l');
    expect(slugify('  „Das Haus am See“  ')).toBe('das-haus-am-see');
  });

  it('matches the slug pattern for any title', () => {
    for (const title of ['Ø 28 cm', 'Zartbitter 70 %', 'Bluetooth 5.3', 'T-Shirt', 'Größe 42']) {
      expect(slugify(title)).toMatch(SLUG_PATTERN);
    }
  });
});
