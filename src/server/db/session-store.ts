import type { Staff } from './staff-store.js';
import type { Db } from './transaction.js';

/** Idle for longer than this, a session ends (OWASP: 15–30 minutes for a back office). */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** However active, a session ends this long after sign-in. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** `last_seen_at` is written at most this often: a busy back office is not one write per request. */
export const TOUCH_EVERY_MS = 30_000;

export async function insertSession(
  trx: Db,
  session: { idHash: string; staffId: string; now: number; address: string },
): Promise<void> {
  await trx
    .insertInto('admin_sessions')
    .values({
      id_hash: session.idHash,
      staff_id: session.staffId,
      created_at: session.now,
      last_seen_at: session.now,
      address: session.address,
    })
    .execute();
}

export async function deleteSession(trx: Db, idHash: string): Promise<void> {
  await trx.deleteFrom('admin_sessions').where('id_hash', '=', idHash).execute();
}

/** The signed-in staff member of a live session; an expired session is deleted and gives nothing. */
export async function liveSession(
  db: Db,
  write: (work: (trx: Db) => Promise<void>) => Promise<void>,
  idHash: string,
  now: number,
): Promise<Staff | undefined> {
  const row = await db
    .selectFrom('admin_sessions')
    .innerJoin('staff', 'staff.id', 'admin_sessions.staff_id')
    .select(['staff.id', 'staff.email', 'staff.role', 'admin_sessions.created_at', 'admin_sessions.last_seen_at'])
    .where('admin_sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  if (now - row.last_seen_at >= IDLE_TIMEOUT_MS || now - row.created_at >= ABSOLUTE_TIMEOUT_MS) {
    await write((trx) => deleteSession(trx, idHash));
    return undefined;
  }
  if (now - row.last_seen_at >= TOUCH_EVERY_MS) {
    await write(async (trx) => {
      await trx
        .updateTable('admin_sessions')
        .set({ last_seen_at: now })
        .where('id_hash', '=', idHash)
        .where('last_seen_at', '<', now)
        .execute();
    });
  }
  return { id: row.id, email: row.email, role: row.role };
}

/** Sessions ended by time, removed now and then so the table does not grow. */
export async function purgeSessions(trx: Db, now: number): Promise<void> {
  await trx
    .deleteFrom('admin_sessions')
    .where((eb) =>
      eb.or([eb('last_seen_at', '<=', now - IDLE_TIMEOUT_MS), eb('created_at', '<=', now - ABSOLUTE_TIMEOUT_MS)]),
    )
    .execute();
}
