import { sql } from 'kysely';
import type { Backend } from './data-layer.js';
import type { CatalogVersionsTable } from './tables.js';
import type { Db } from './transaction.js';

/** The served version's name: enough to notice a change and to build its data URLs. */
export interface VersionHead {
  version: number;
  checksum: string;
  publishedAt: string;
}

export type StoredVersion = Omit<CatalogVersionsTable, 'version'>;

// Any constant: PostgreSQL's advisory lock that makes two publishes number their versions in turn.
const PUBLISH_LOCK = 4_711_2027;

/** The newest published version, or undefined while the shop serves the catalog it was built with. */
export async function latestVersion(db: Db): Promise<VersionHead | undefined> {
  const row = await db
    .selectFrom('catalog_versions')
    .select(['version', 'checksum', 'published_at'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { version: Number(row.version), checksum: row.checksum, publishedAt: row.published_at };
}

/** One version's stored data, or undefined once it has been pruned (or never existed). */
export async function versionData(db: Db, version: number): Promise<CatalogVersionsTable | undefined> {
  const row = await db.selectFrom('catalog_versions').selectAll().where('version', '=', version).executeTakeFirst();
  return row && { ...row, version: Number(row.version), search_index: new Uint8Array(row.search_index) };
}

export async function versionExists(db: Db, version: number): Promise<boolean> {
  const row = await db
    .selectFrom('catalog_versions')
    .select('version')
    .where('version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Inside a transaction: stores `data` as the next version and deletes all but the newest `keep`.
 * The version number is taken under a lock (SQLite's BEGIN IMMEDIATE; PostgreSQL's advisory lock),
 * so concurrent publishes from several servers get consecutive numbers and never collide.
 */
export async function insertVersion(trx: Db, backend: Backend, data: StoredVersion, keep: number): Promise<number> {
  if (backend === 'postgres') await sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(trx);
  const latest = await latestVersion(trx);
  const version = (latest?.version ?? 0) + 1;
  await trx
    .insertInto('catalog_versions')
    .values({ version, ...data, search_index: Buffer.from(data.search_index) })
    .execute();
  await trx
    .deleteFrom('catalog_versions')
    .where('version', '<=', version - keep)
    .execute();
  return version;
}
