import type { Backend } from '../data-layer.js';
import { int64, strictOn } from '../schema-types.js';
import type { Db } from '../transaction.js';

// One row per Idempotency-Key. A row without a response is an attempt still running (or one that
// died: `locked_at` lets a later attempt take it over). A row with a response is the first answer,
// replayed to every repeat of the same request.
export async function up(db: Db, backend: Backend): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('locked_at', int64(backend), (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', int64(backend), (c) => c.notNull())
    .$call(strictOn(backend))
    .execute();
}
