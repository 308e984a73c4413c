import { parseArgs } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import { UsageError, type Command } from '../command.js';
import type { Catalog } from '../../domain/catalog.js';
import { formatEuro } from '../../domain/money.js';
import { SearchEngine, SearchIndexError } from '../../wasm/search.js';

const DEFAULT_CATALOG = 'public/data/catalog.json';

async function readCatalog(path: string): Promise<Catalog> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the catalog ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const shaped = data as Partial<Catalog> | null;
  if (!shaped || shaped.version !== 1 || !Array.isArray(shaped.products) || !Array.isArray(shaped.categories)) {
    throw new UsageError(`${path} is not a Laden catalog (version 1 with categories and products)`);
  }
  return shaped as Catalog;
}

/** Uses the saved index next to the catalog when it fits; otherwise indexes the catalog. */
async function openEngine(catalog: Catalog, indexPath: string | undefined): Promise<SearchEngine> {
  if (indexPath) {
    try {
      return await SearchEngine.load(catalog, new Uint8Array(await readFile(indexPath)));
    } catch (error) {
      if (!(error instanceof SearchIndexError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      console.error(`laden search: ${(error as Error).message}; indexing the catalog instead`);
    }
  }
  return SearchEngine.build(catalog);
}

export const searchCommand: Command = {
  path: ['search'],
  summary: 'search the catalog, or write its search index',
  usage: `Usage: laden search "QUERY" [--catalog FILE] [--index FILE] [--limit N] [--json]
       laden search --build-index [--catalog FILE] --out FILE

Ranked, typo-tolerant search over a catalog, by the same WebAssembly engine the shop uses.
  --catalog FILE   the catalog (default: ${DEFAULT_CATALOG})
  --index FILE     a saved index to load instead of indexing the catalog
  --limit N        how many results (1–1000, default 10)
  --json           print [{ "id", "title", "score" }, …]
  --build-index    write the binary index of the catalog to --out`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        catalog: { type: 'string' },
        index: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
        'build-index': { type: 'boolean' },
        out: { type: 'string' },
      },
    });
    const catalog = await readCatalog(values.catalog ?? DEFAULT_CATALOG);
    if (values['build-index']) {
      if (!values.out) throw new UsageError('--build-index needs --out FILE');
      const engine = await SearchEngine.build(catalog);
      await writeFile(values.out, engine.image());
      console.log(`${values.out}: ${engine.indexBytes} bytes, ${catalog.products.length} products`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give one query in quotes, e.g. laden search "kaffeemühle"');
    const limit = Number(values.limit ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new UsageError(`--limit must be a whole number from 1 to 1000, got ${values.limit}`);
    }
    const engine = await openEngine(catalog, values.index);
    // As in the shop, the last word may be unfinished ("rucksak wasserdi").
    const result = engine.search(positionals[0]!, { limit, highlights: false });
    if (values.json) {
      const rows = result.hits.map((h) => ({ id: h.product.id, title: h.product.title, score: h.score }));
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    if (result.suggestion) console.log(`Meinten Sie „${result.suggestion}“?`);
    if (result.hits.length === 0) console.log('Keine Treffer.');
    for (const [i, hit] of result.hits.entries()) {
      const p = hit.product;
      console.log(
        `${String(i + 1).padStart(3)}. ${p.id}  ${p.title} (${p.brand}), ${formatEuro(p.price)}  [${hit.score.toFixed(3)}]`,
      );
    }
    if (result.total > result.hits.length) console.log(`… ${result.total} Treffer insgesamt`);
    return 0;
  },
};
