import { sql } from 'kysely';
import type { DataLayer } from './data-layer.js';
import { MIGRATIONS, schemaVersion } from './migrate.js';
import { COPY_TABLES } from './tables.js';

const PAGE = 500;

export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

/**
 * Copies every table from one database into another, empty one, at the same schema version: how a
 * shop moves from its SQLite file to PostgreSQL. Rows keep their keys; the copy is one transaction on
 * the target, so an interrupted copy leaves the target empty. Returns the rows copied per table.
 */
export async function copyDatabase(from: DataLayer, to: DataLayer): Promise<Record<string, number>> {
  const version = await schemaVersion(from);
  if (version !== MIGRATIONS.length) {
    throw new CopyRefusedError(
      `the source is at schema version ${version}, this program at ${MIGRATIONS.length}: run laden db migrate on the source first`,
    );
  }
  for (const { table } of COPY_TABLES) {
    const row = await to.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(row.n) > 0) throw new CopyRefusedError(`the target is not empty: ${table} has ${row.n} rows`);
  }
  const copied: Record<string, number> = {};
  await to.transaction(async (trx) => {
    for (const { table, key } of COPY_TABLES) {
      copied[table] = 0;
      // Pages in key order see each row once.
      for (let offset = 0; ; offset += PAGE) {
        const rows = await from.db
          .selectFrom(table)
          .selectAll()
          .orderBy(sql.ref(key))
          .limit(PAGE)
          .offset(offset)
          .execute();
        if (rows.length === 0) break;
        await trx
          .insertInto(table)
          .values(rows as never)
          .execute();
        copied[table] += rows.length;
        if (rows.length < PAGE) break;
      }
    }
    if (to.backend === 'postgres') await resetSequences(trx);
  });
  return copied;
}

/** Identity columns continue after the copied keys, not from 1. */
async function resetSequences(trx: DataLayer['db']): Promise<void> {
  const identities = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval%')`.execute(trx);
  for (const { table_name, column_name } of identities.rows) {
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 0) + 1, false)`.execute(trx);
  }
}
