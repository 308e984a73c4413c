import { gzipSync } from 'node:zlib';
import { describe, it } from 'vitest';
import { SearchEngine } from '../../src/wasm/search.js';
import { INDEXED_FIELDS, SEARCH_FIELDS, type SearchField } from '../../src/wasm/search-documents.js';
import { unpackIndex } from '../../src/wasm/search-package.js';
import { scoreKnownItems } from '../../tests/unit/search/known-items.js';
import { corpora, type Corpus } from './corpora.js';

/**
 * What each indexed field costs and what it is worth: the index built with every field, without
 * each one, and with what the shipped index holds (INDEXED_FIELDS), side by side: engine image
 * and document table in bytes raw and gzip (zlib's default level), the WASM memory after loading,
 * and recall@10 / MRR on the corpus's known-item queries.
 */
const MB = (bytes: number) => (bytes / 1e6).toFixed(2);

async function measure(corpus: Corpus, name: string, fields: readonly SearchField[]) {
  const engine = await SearchEngine.build(corpus.catalog, { fields });
  const file = engine.image();
  const { image, table } = unpackIndex(file);
  const score = scoreKnownItems(corpus.catalog, corpus.items, (q) =>
    engine.search(q, { limit: 10, highlights: false, facets: false }).hits.map((h) => h.product.id),
  );
  return {
    fields: name,
    'image MB': MB(image.length),
    'image gz MB': MB(gzipSync(image).length),
    'docs gz MB': MB(gzipSync(table).length),
    'file gz MB': MB(gzipSync(file).length),
    'wasm MB': MB(engine.memoryBytes),
    'recall@10': score.recallAt10.toFixed(3),
    MRR: score.mrr.toFixed(3),
  };
}

describe('search index: what each field costs', () => {
  for (const corpus of corpora()) {
    it(`on ${corpus.name}`, async () => {
      const sets: [string, readonly SearchField[]][] = [
        ['all six', SEARCH_FIELDS],
        ...SEARCH_FIELDS.filter((f) => f !== 'title').map(
          (f) => [`without ${f}`, SEARCH_FIELDS.filter((g) => g !== f)] as [string, SearchField[]],
        ),
        ['title+brand+category+tags', ['title', 'brand', 'category', 'tags']],
        [`shipped: ${INDEXED_FIELDS.join('+')}`, INDEXED_FIELDS],
      ];
      const rows = [];
      for (const [name, fields] of sets) rows.push(await measure(corpus, name, fields));
      console.log(`\n${corpus.name} (${corpus.items.length} known-item queries)`);
      console.table(rows);
    }, 3_600_000);
  }
});
