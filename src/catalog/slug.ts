/** German transliteration first, so that "Kaffeemühle" becomes "kaffeemuehle" and not "kaffeemuhle". */
const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' };

/** URL slug: lower-case ASCII letters, digits and single hyphens, e.g. "wanderrucksack-alpin-30-l". */
export function slugify(text: string): string {
  return text
    .replace(/[äöüßÄÖÜ]/g, (letter) => TRANSLITERATION[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' und ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
