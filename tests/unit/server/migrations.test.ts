import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import Sqlite from 'better-sqlite3';
import { openDataLayer, type DataLayer } from '../../../src/server/db/data-layer.js';
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/server/db/migrate.js';
import { COPY_TABLES } from '../../../src/server/db/tables.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';

async function tables(data: DataLayer): Promise<string[]> {
  const rows =
    data.backend === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(data.db)
      : await sql<{
          name: string;
        }>`select tablename as name from pg_tables where schemaname = 'public' order by name`.execute(data.db);
  return rows.rows.map((r) => r.name).filter((name) => !name.startsWith('sqlite_'));
}

describe.each(BACKENDS)('the database schema (%s)', (backend) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  async function open(options: { schemaVersion?: number; url?: string } = {}) {
    let url = options.url;
    if (!url) {
      const database = await freshDatabase(backend);
      cleanup.push(database.drop);
      url = database.url;
    }
    const data = await openDataLayer({ url, ...options });
    cleanup.push(() => data.close());
    return { data, url };
  }

  it('creates every table on an empty database, recording each version', async () => {
    const { data } = await open();
    expect(await schemaVersion(data)).toBe(MIGRATIONS.length);
    expect(await tables(data)).toEqual(expect.arrayContaining(['idempotency_keys', 'orders', 'schema_version']));
    const versions = await data.db
      .selectFrom('schema_version')
      .select(['version', 'name'])
      .orderBy('version')
      .execute();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('lists every table for `laden db copy`, in an order that satisfies foreign keys', async () => {
    const { data } = await open();
    const copied = COPY_TABLES.map((t) => t.table).sort();
    expect(copied).toEqual((await tables(data)).filter((t) => t !== 'schema_version').sort());
  });

  it('upgrades an existing version 1 database and keeps its orders', async () => {
    const { data: v1, url } = await open({ schemaVersion: 1 });
    expect(await schemaVersion(v1)).toBe(1);
    expect(await tables(v1)).not.toContain('idempotency_keys');
    await v1.db
      .insertInto('orders')
      .values({
        id: 'L-AAAAA-BBBBB',
        idempotency_key: 'k1',
        state: 'confirmed',
        placed_at: '2026-01-01T00:00:00.000Z',
        email: 'a@b.de',
        payment: 'invoice',
        total_cents: 4448,
        request_json: '{}',
        quote_json: '{}',
        // The columns of version 1 only: later versions add theirs with defaults.
      } as never)
      .execute();
    await v1.close();
    cleanup.pop();

    const { data } = await open({ url });
    expect(await schemaVersion(data)).toBe(MIGRATIONS.length);
    expect(await data.db.selectFrom('orders').select(['id', 'total_cents']).execute()).toEqual([
      { id: 'L-AAAAA-BBBBB', total_cents: 4448 },
    ]);
    expect(await tables(data)).toContain('idempotency_keys');
    // Migrating again applies nothing twice.
    expect(await migrate(data)).toBe(MIGRATIONS.length);
    const applied = await data.db.selectFrom('schema_version').select(['version']).execute();
    expect(applied).toHaveLength(MIGRATIONS.length);
  });

  it('rolls a failing migration back whole and stays at the version before it', async () => {
    const { data } = await open();
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: async (db: DataLayer['db']) => {
          await db.schema.createTable('half').addColumn('x', 'integer').execute();
          await sql`select nope from nowhere`.execute(db);
        },
      },
    ];
    await expect(migrate(data, broken)).rejects.toThrow(/nowhere/);
    expect(await schemaVersion(data)).toBe(MIGRATIONS.length);
    expect(await tables(data)).not.toContain('half');
  });

  it('refuses a database newer than the server', async () => {
    const { data, url } = await open();
    await data.db
      .insertInto('schema_version')
      .values({ version: 99, name: 'future', applied_at: '2030-01-01' })
      .execute();
    await expect(openDataLayer({ url })).rejects.toThrow(/newer than this server knows/);
  });

  // Several instances on one database is PostgreSQL's setting; SQLite's BEGIN IMMEDIATE serialises
  // processes, but connections in one process would wait on each other synchronously.
  it.runIf(backend === 'postgres')(
    'lets several servers start on one empty database at once, applying each step once',
    async () => {
      const database = await freshDatabase(backend);
      cleanup.push(database.drop);
      const opened = await Promise.all([1, 2, 3].map(() => openDataLayer({ url: database.url })));
      for (const data of opened) cleanup.push(() => data.close());
      const applied = await opened[0]!.db.selectFrom('schema_version').select('version').execute();
      expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    },
  );
});

describe('the embedded store', () => {
  it('keeps its file in WAL mode with every commit synced', async () => {
    const database = await freshDatabase('sqlite');
    const data = await openDataLayer({ url: database.url });
    await data.close();
    const raw = new Sqlite(database.url, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await database.drop();
  });
});
