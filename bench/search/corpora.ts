import type { Catalog } from '../../src/domain/catalog.js';
import { generateCatalog } from '../../src/catalog/generate.js';
import { knownItems, type KnownItem } from '../../tests/unit/search/known-items.js';
import { debianCatalog } from './debian.js';

/** A catalog to search, its known-item queries (quality) and its mixed query set (speed). */
export interface Corpus {
  name: string;
  catalog: Catalog;
  items: KnownItem[];
  queries: string[];
}

/** Single words, two or three words, prefixes, typos, umlaut variants and queries with no hit. */
function mixedQueries(catalog: Catalog): string[] {
  const damaged = knownItems(catalog, 240, 99).map((item) => item.query);
  const single = damaged.slice(0, 60).map((q) => q.split(' ')[0]!);
  const zeroHit = ['qwertzuiop', 'xylophonbogen', 'zzzz', 'blorptang gnarf', 'ÿÿÿÿ', '1234567890', 'kjhgf lkjh', 'wxq'];
  return [...damaged, ...single, ...zeroHit];
}

function corpus(name: string, catalog: Catalog): Corpus {
  return { name, catalog, items: knownItems(catalog, 400, 7), queries: mixedQueries(catalog) };
}

export const GENERATED_PRODUCTS = 100_000;

/**
 * The generated 100,000-product catalog, and Debian's package descriptions (real, human-written
 * text; ./debian.ts) when apt's lists are on the machine. SEARCH_BENCH_CORPORA=generated or
 * =debian runs one of them.
 */
export function corpora(): Corpus[] {
  const chosen = new Set((process.env.SEARCH_BENCH_CORPORA ?? 'generated,debian').split(',').map((k) => k.trim()));
  const list: Corpus[] = [];
  if (chosen.has('generated')) {
    list.push(corpus(`generated ${GENERATED_PRODUCTS}`, generateCatalog(GENERATED_PRODUCTS, 7).catalog));
  }
  if (chosen.has('debian')) {
    const debian = debianCatalog();
    if (debian) list.push(corpus(`Debian ${debian.products.length}`, debian));
    else console.log('Debian corpus skipped: no package lists in /var/lib/apt/lists (run apt-get update)');
  }
  return list;
}
