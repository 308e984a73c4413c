/**
 * The plain-TypeScript references the /wasm page races the WASM engines against: the same ones the
 * tests and benchmarks hold the engines to. Loaded with a dynamic import() from the page only, so
 * they live in their own chunk and never in the shop's main bundle.
 */
import MiniSearch from 'minisearch';
import type { Catalog } from '../../domain/catalog.js';
import { SEARCH_FIELDS, documentFields } from '../../wasm/search-documents.js';
import { fold, typoBudget, words } from '../../../bench/search/folding.js';

export { oracleQuote } from '../../../tests/unit/pricing/oracle.js';
export { plainResize } from '../../../bench/thumbnail/plain-resize.js';

type Row = Record<string, string> & { id: string };

/** MiniSearch over the same fields, weights, folding, prefix and typo budget as the WASM engine. */
export function referenceSearch(catalog: Catalog): (query: string) => string[] {
  const names = new Map(catalog.categories.map((c) => [c.id, c.name]));
  const rows = catalog.products.map((product) => {
    const fields = documentFields(product, names.get(product.category) ?? '');
    const row: Row = { id: product.id };
    SEARCH_FIELDS.forEach((field, i) => (row[field] = fields[i]!));
    return row;
  });
  const index = new MiniSearch<Row>({
    fields: [...SEARCH_FIELDS],
    tokenize: words,
    processTerm: (term) => fold(term),
    searchOptions: {
      boost: { title: 5, brand: 3, category: 2, tags: 2, attributes: 1.5, description: 1 },
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => typoBudget(term) || false,
    },
  });
  index.addAll(rows);
  return (query) =>
    index
      .search(query)
      .slice(0, 10)
      .map((hit) => String(hit.id));
}
