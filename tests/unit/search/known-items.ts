import type { Catalog, Product } from '../../../src/domain/catalog.js';

/**
 * The known-item set: queries a shopper would type for a product they have in mind, made from the
 * product's title words with the usual damage (a typo, umlauts dropped, a word cut short while
 * typing). Seeded, so every run and every engine gets the same queries.
 */
export interface KnownItem {
  query: string;
  kind: 'exact' | 'typo' | 'umlaut' | 'prefix';
  /** The product the query was made from. */
  target: Product;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2)); // keep the first letter, as people do
  const kind = Math.floor(random() * 4);
  const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1); // a letter missing
  if (kind === 1) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2); // two swapped
  if (kind === 2) return word.slice(0, at) + letter + word.slice(at + 1); // a wrong letter
  return word.slice(0, at) + letter + word.slice(at); // one letter too many
}

function dropUmlauts(text: string, random: () => number): string {
  const spelled = random() < 0.5;
  return text
    .replace(/[äöü]/g, (c) => (spelled ? { ä: 'ae', ö: 'oe', ü: 'ue' }[c]! : { ä: 'a', ö: 'o', ü: 'u' }[c]!))
    .replace(/ß/g, 'ss');
}

/** The title words a query is made from; products sharing them cannot be told apart by it. */
function titleWords(product: Product): string[] {
  return product.title
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 3)
    .slice(0, 3);
}

export function knownItems(catalog: Catalog, count: number, seed: number): KnownItem[] {
  const random = mulberry32(seed);
  const items: KnownItem[] = [];
  while (items.length < count) {
    const target = catalog.products[Math.floor(random() * catalog.products.length)]!;
    const words = titleWords(target);
    if (words.length === 0) continue;
    const roll = random();
    const hasUmlaut = /[äöüß]/.test(words.join(' '));
    let kind: KnownItem['kind'] = roll < 0.2 ? 'exact' : roll < 0.55 ? 'typo' : roll < 0.7 ? 'umlaut' : 'prefix';
    if (kind === 'umlaut' && !hasUmlaut) kind = 'typo';
    if (kind === 'typo') {
      const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
      if (long.length === 0) kind = 'exact';
      else {
        const [word, i] = long[Math.floor(random() * long.length)]!;
        words[i] = typo(word, random);
      }
    }
    if (kind === 'prefix') {
      const last = words[words.length - 1]!;
      words[words.length - 1] = last.slice(0, Math.max(3, Math.ceil(last.length * 0.6)));
    }
    const query = kind === 'umlaut' ? dropUmlauts(words.join(' '), random) : words.join(' ');
    items.push({ query, kind, target });
  }
  return items;
}

export interface KnownItemScore {
  mrr: number;
  recallAt10: number;
}

/**
 * Scores ranked result ids. Products whose titles start with the same words cannot be told apart
 * by a query made from those words, so a hit on any of them counts as finding the item.
 */
export function scoreKnownItems(
  catalog: Catalog,
  items: KnownItem[],
  ranked: (query: string) => string[],
): KnownItemScore {
  const keyOf = new Map(catalog.products.map((p) => [p.id, titleWords(p).join(' ')]));
  let reciprocal = 0;
  let found = 0;
  for (const item of items) {
    const rank = ranked(item.query)
      .slice(0, 10)
      .findIndex((id) => keyOf.get(id) === titleWords(item.target).join(' '));
    if (rank >= 0) {
      found++;
      reciprocal += 1 / (rank + 1);
    }
  }
  return { mrr: reciprocal / items.length, recallAt10: found / items.length };
}
