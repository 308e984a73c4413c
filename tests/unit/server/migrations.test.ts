import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/server/db/database.js';
import { MIGRATIONS, migrate, schemaVersion } from '../../../src/server/db/migrate.js';

describe('the orders database schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laden-migrations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tables = (db: ReturnType<typeof openDatabase>) =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (t) => t.name,
    );

  it('creates every table on an empty database, in WAL mode, recording each version', () => {
    const db = openDatabase(join(dir, 'nested', 'empty.sqlite'));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(expect.arrayContaining(['idempotency_keys', 'orders', 'schema_version']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version, name FROM schema_version ORDER BY version').all();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('upgrades an existing version 1 database and keeps its orders', () => {
    const path = join(dir, 'v1.sqlite');
    const v1 = openDatabase(path, { schemaVersion: 1 });
    expect(schemaVersion(v1)).toBe(1);
    expect(tables(v1)).not.toContain('idempotency_keys');
    v1.prepare(
      `INSERT INTO orders (id, idempotency_key, state, placed_at, email, payment, total_cents, request_json, quote_json)
       VALUES ('L-AAAAA-BBBBB', 'k1', 'confirmed', '2026-01-01T00:00:00.000Z', 'a@b.de', 'invoice', 4448, '{}', '{}')`,
    ).run();
    v1.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT id, total_cents FROM orders').all()).toEqual([
      { id: 'L-AAAAA-BBBBB', total_cents: 4448 },
    ]);
    expect(tables(db)).toContain('idempotency_keys');
    // Opening again applies nothing twice.
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect((db.prepare('SELECT count(*) AS n FROM schema_version').get() as { n: number }).n).toBe(MIGRATIONS.length);
    db.close();
  });

  it('rolls a failing migration back whole and stays at the version before it', () => {
    const db = openDatabase(join(dir, 'broken.sqlite'));
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half (x); SELECT nope FROM nowhere;' },
    ];
    expect(() => migrate(db, broken)).toThrow(/no such table: nowhere/);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('refuses a database newer than the server', () => {
    const path = join(dir, 'newer.sqlite');
    const db = openDatabase(path);
    db.prepare("INSERT INTO schema_version VALUES (99, 'future', '2030-01-01')").run();
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer than this server knows/);
  });
});
