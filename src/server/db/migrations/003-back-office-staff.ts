import { sql } from 'kysely';
import type { Backend } from '../data-layer.js';
import { int64, strictOn } from '../schema-types.js';
import type { Db } from '../transaction.js';

// The back office's people and their ways in: staff accounts, server-side sessions (only the SHA-256
// of the cookie's id is stored), passkeys with their one-time WebAuthn challenges, failed sign-in
// counters for throttling and the append-only audit log. Everything several server instances must
// agree on lives here, not in a process.
export async function up(db: Db, backend: Backend): Promise<void> {
  const strict = strictOn(backend);
  const ms = int64(backend);
  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'staff')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call(strict)
    .execute();

  await db.schema
    .createTable('admin_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('last_seen_at', ms, (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .$call(strict)
    .execute();
  await db.schema.createIndex('admin_sessions_by_staff').on('admin_sessions').column('staff_id').execute();

  await db.schema
    .createTable('passkeys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', ms, (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .$call(strict)
    .execute();
  await db.schema.createIndex('passkeys_by_staff').on('passkeys').column('staff_id').execute();

  await db.schema
    .createTable('webauthn_challenges')
    .addColumn('challenge', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('register', 'sign-in')`))
    .addColumn('staff_id', 'text', (c) => c.references('staff.id').onDelete('cascade'))
    .addColumn('expires_at', ms, (c) => c.notNull())
    .$call(strict)
    .execute();

  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', ms, (c) => c.notNull())
    .$call(strict)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) =>
      backend === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('address', 'text')
    .$call(strict)
    .execute();
}
