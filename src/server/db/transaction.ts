import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;

/**
 * Runs `work` in one transaction on one connection and commits, or rolls back and rethrows. `begin`
 * is the dialect's opening statement: SQLite's BEGIN IMMEDIATE takes the write lock up front, so two
 * processes on one file queue for it instead of failing when a reader tries to become a writer.
 * `work` must use the `trx` it is given: on SQLite the one connection is held until commit.
 */
export function inTransaction<T>(db: Db, begin: string, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (trx) => {
    await sql.raw(begin).execute(trx);
    let result: T;
    try {
      result = await work(trx);
    } catch (error) {
      await sql`rollback`.execute(trx).catch(() => undefined);
      throw error;
    }
    try {
      await sql`commit`.execute(trx);
    } catch (error) {
      await sql`rollback`.execute(trx).catch(() => undefined);
      throw error;
    }
    return result;
  });
}
