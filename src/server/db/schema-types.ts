import { sql, type CreateTableBuilder } from 'kysely';
import type { Backend } from './data-layer.js';

/** Epoch milliseconds: PostgreSQL's integer is 32 bits; SQLite's INTEGER is always 64. */
export const int64 = (backend: Backend) => (backend === 'postgres' ? 'bigint' : 'integer');

/** SQLite checks column types only in STRICT tables; PostgreSQL always does. */
export const strictOn =
  (backend: Backend) =>
  <T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C> =>
    backend === 'sqlite' ? table.modifyEnd(sql`strict`) : table;
