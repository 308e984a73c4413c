import MiniSearch from 'minisearch';
import { Charset, Document, Encoder } from 'flexsearch';
import { create, insertMultiple, save, search as oramaSearch, type AnyOrama } from '@orama/orama';
import type { Catalog } from '../../src/domain/catalog.js';
import { SEARCH_FIELDS, documentFields } from '../../src/wasm/search-documents.js';
import { fold, typoBudget, words } from './folding.js';

/** One engine under test: built from the catalog, answering with ranked product ids. */
export interface Peer {
  name: string;
  search(query: string): string[] | Promise<string[]>;
  /** Bytes of the index as the engine would save and ship it. */
  indexBytes(): Promise<number> | number;
}

type Row = Record<(typeof SEARCH_FIELDS)[number], string> & { id: string };

export function rows(catalog: Catalog): Row[] {
  const names = new Map(catalog.categories.map((c) => [c.id, c.name]));
  return catalog.products.map((p) => {
    const fields = documentFields(p, names.get(p.category) ?? '');
    const row = { id: p.id } as Row;
    SEARCH_FIELDS.forEach((field, i) => (row[field] = fields[i]!));
    return row;
  });
}

// The same field weights as ours (assembly/search/query.ts).
const BOOST = { title: 5, brand: 3, category: 2, tags: 2, attributes: 1.5, description: 1 };

export function miniSearch(data: Row[]): Peer {
  const index = new MiniSearch<Row>({
    fields: [...SEARCH_FIELDS],
    tokenize: words,
    processTerm: (term) => fold(term),
    searchOptions: {
      boost: BOOST,
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => typoBudget(term) || false,
    },
  });
  index.addAll(data);
  return {
    name: 'MiniSearch',
    search: (query) =>
      index
        .search(query)
        .slice(0, 10)
        .map((r) => String(r.id)),
    indexBytes: () => Buffer.byteLength(JSON.stringify(index)),
  };
}

export function flexSearch(data: Row[]): Peer {
  // FlexSearch has no edit distance: its typo tolerance is the phonetic LatinAdvanced encoder plus
  // `suggest`; our folding runs first so that umlaut spellings meet as they do for the others.
  const encoder = new Encoder(Charset.LatinAdvanced);
  encoder.assign({ prepare: (text: string) => words(text).map(fold).join(' ') });
  const index = new Document<Row>({
    document: { id: 'id', index: [...SEARCH_FIELDS] },
    tokenize: 'forward',
    encoder,
  });
  for (const row of data) index.add(row);
  return {
    name: 'FlexSearch',
    search: (query) => {
      const results = index.search(query, { limit: 10, suggest: true, merge: true });
      return results.slice(0, 10).map((r) => String(r.id));
    },
    indexBytes: async () => {
      let bytes = 0;
      await index.export((key, value) => {
        bytes +=
          Buffer.byteLength(String(key)) +
          Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value ?? ''));
      });
      return bytes;
    },
  };
}

export async function orama(data: Row[]): Promise<Peer> {
  const db: AnyOrama = create({
    schema: {
      id: 'string',
      title: 'string',
      brand: 'string',
      category: 'string',
      tags: 'string',
      attributes: 'string',
      description: 'string',
    },
    components: {
      tokenizer: {
        language: 'german',
        normalizationCache: new Map(),
        tokenize: (raw: string) => [...new Set(words(raw).map(fold))],
      },
    },
  });
  await insertMultiple(db, data, 2000);
  return {
    name: 'Orama',
    search: async (query) => {
      const longest = Math.max(0, ...words(query).map((w) => typoBudget(fold(w))));
      const result = await oramaSearch(db, {
        term: query,
        properties: [...SEARCH_FIELDS],
        boost: BOOST,
        tolerance: longest,
        limit: 10,
      });
      return result.hits.map((h) => String(h.document.id));
    },
    indexBytes: () => Buffer.byteLength(JSON.stringify(save(db))),
  };
}
