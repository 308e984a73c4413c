import type { Backend } from '../data-layer.js';
import { strictOn } from '../schema-types.js';
import type { Db } from '../transaction.js';

// Published catalogs, one row per version, newest served. A row holds everything a version serves
// (the catalog, its rules, its search index), so servers sharing the database need no shared disk
// for it; the photos stay files (docs/catalog-format.md).
export async function up(db: Db, backend: Backend): Promise<void> {
  await db.schema
    .createTable('catalog_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('catalog_json', 'text', (c) => c.notNull())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('search_index', backend === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .$call(strictOn(backend))
    .execute();
}
