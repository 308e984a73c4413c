import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// The .sql files are bundled into the server at build time, so a deployed server carries its schema.
const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

/** The repository's migrations in order: `NNN-name.sql`, numbered from 1 without gaps. */
export const MIGRATIONS: readonly Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d+)-([\w-]+)\.sql$/.exec(path);
    if (!match) throw new Error(`Migration file name must be NNN-name.sql: ${path}`);
    return { version: Number(match[1]), name: match[2] ?? '', sql };
  })
  .sort((a, b) => a.version - b.version);

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3 …; found ${m.version} at ${i + 1}`);
});

export function schemaVersion(db: Database): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
  );
  const row = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_version').get();
  return row?.version ?? 0;
}

/**
 * Brings the database up to `target` (default: the newest migration). Each migration runs in its own
 * IMMEDIATE transaction that re-reads the version first, so two servers starting on one file at the
 * same time apply each step once; a failing step rolls back whole and leaves the version before it.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target?: number): number {
  const last = target ?? migrations.length;
  if (schemaVersion(db) > migrations.length) {
    throw new Error(
      `The database is at schema version ${schemaVersion(db)}, newer than this server knows (${migrations.length}); update the server`,
    );
  }
  const record = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations.slice(0, last)) {
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
  return schemaVersion(db);
}
