import { sql } from 'kysely';
import type { Backend, DataLayer } from './data-layer.js';
import type { Db } from './transaction.js';

/** One step of the schema. Released steps are never edited: a change is a new file. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db, backend: Backend): Promise<void>;
}

interface MigrationModule {
  up(db: Db, backend: Backend): Promise<void>;
}

// Bundled into the server at build time, so a deployed server carries its schema.
const files = import.meta.glob<MigrationModule>('./migrations/*.ts', { eager: true });

/** The repository's migrations in order: `NNN-name.ts`, numbered from 1 without gaps. */
export const MIGRATIONS: readonly Migration[] = Object.entries(files)
  .map(([path, module]) => {
    const match = /\/(\d+)-([\w-]+)\.ts$/.exec(path);
    if (!match) throw new Error(`Migration file name must be NNN-name.ts: ${path}`);
    return { version: Number(match[1]), name: match[2] ?? '', up: module.up };
  })
  .sort((a, b) => a.version - b.version);

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3 …; found ${m.version} at ${i + 1}`);
});

// Any constant: PostgreSQL's advisory lock that makes servers starting together migrate one at a time.
const MIGRATION_LOCK = 4_711_2026;

async function lockAndEnsureTable(trx: Db, backend: Backend): Promise<void> {
  if (backend === 'postgres') await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
  await trx.schema
    .createTable('schema_version')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

async function currentVersion(trx: Db): Promise<number> {
  const row = await trx
    .selectFrom('schema_version')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** The version the database is at (0 when empty). */
export async function schemaVersion(layer: DataLayer): Promise<number> {
  return layer.transaction(async (trx) => {
    await lockAndEnsureTable(trx, layer.backend);
    return currentVersion(trx);
  });
}

/**
 * Brings the database up to `target` (default: the newest migration). Each migration runs in its own
 * transaction that takes the migration lock and re-reads the version first (SQLite: BEGIN IMMEDIATE;
 * PostgreSQL: an advisory lock), so servers starting at once apply each step once; a failing step
 * rolls back whole (DDL is transactional on both) and leaves the version before it. A database newer
 * than this code is refused: an old server must not write into a schema it does not know.
 */
export async function migrate(
  layer: DataLayer,
  migrations: readonly Migration[] = MIGRATIONS,
  target?: number,
): Promise<number> {
  const found = await schemaVersion(layer);
  if (found > migrations.length) {
    throw new Error(
      `The database is at schema version ${found}, newer than this server knows (${migrations.length}); update the server`,
    );
  }
  for (const migration of migrations.slice(0, target ?? migrations.length)) {
    await layer.transaction(async (trx) => {
      await lockAndEnsureTable(trx, layer.backend);
      if ((await currentVersion(trx)) >= migration.version) return;
      await migration.up(trx, layer.backend);
      await trx
        .insertInto('schema_version')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
    });
  }
  return schemaVersion(layer);
}
