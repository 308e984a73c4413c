import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Backend } from '../../src/server/db/data-layer.js';

/** Both backends, for suites that must behave the same on each (`describe.each(BACKENDS)`). */
export const BACKENDS: readonly Backend[] = ['sqlite', 'postgres'];

/** The cluster the run's global setup started (tests/support/postgres-global.ts). */
export function postgresClusterUrl(): string {
  return inject('postgresUrl');
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresClusterUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database for one test: a fresh SQLite file, or a fresh database in the test cluster. */
export async function freshDatabase(backend: Backend): Promise<{ url: string; drop(): Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'laden-db-'));
    return { url: join(dir, 'laden.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `laden_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresClusterUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
