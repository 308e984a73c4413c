/**
 * The engine's folding rules in plain JavaScript, so every peer sees the same words: lower case,
 * diacritics dropped, ß -> ss, ae/oe/ue -> a/o/u (not "que").
 */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/(?<!q)ue/g, 'u');
}

export function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w.length > 0);
}

/** Typo budget of the engine: 1 edit from 4 letters, 2 from 8. */
export function typoBudget(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}
