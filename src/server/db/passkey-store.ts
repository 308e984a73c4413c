import type { Staff } from './staff-store.js';
import type { WebauthnChallengesTable } from './tables.js';
import type { Db } from './transaction.js';

/** A WebAuthn challenge is answered within this time or not at all. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export interface PasskeyListing {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface StoredPasskey {
  id: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
  staff: Staff;
}

/** Stores a challenge for one ceremony, and drops the expired ones on the way. */
export async function insertChallenge(
  trx: Db,
  challenge: { challenge: string; purpose: WebauthnChallengesTable['purpose']; staffId: string | null; now: number },
): Promise<void> {
  await trx.deleteFrom('webauthn_challenges').where('expires_at', '<=', challenge.now).execute();
  await trx
    .insertInto('webauthn_challenges')
    .values({
      challenge: challenge.challenge,
      purpose: challenge.purpose,
      staff_id: challenge.staffId,
      expires_at: challenge.now + CHALLENGE_TTL_MS,
    })
    .execute();
}

/**
 * Takes a challenge out of the database if it is live and was issued for this purpose (and staff
 * member): one DELETE, so with several server instances only one answer can ever use it.
 */
export async function consumeChallenge(
  db: Db,
  challenge: string,
  purpose: WebauthnChallengesTable['purpose'],
  now: number,
  staffId?: string,
): Promise<boolean> {
  let query = db
    .deleteFrom('webauthn_challenges')
    .where('challenge', '=', challenge)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now);
  if (staffId) query = query.where('staff_id', '=', staffId);
  const deleted = await query.returning('challenge').executeTakeFirst();
  return deleted !== undefined;
}

export async function listPasskeys(db: Db, staffId: string): Promise<PasskeyListing[]> {
  const rows = await db
    .selectFrom('passkeys')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('staff_id', '=', staffId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

export async function passkeyIdsOf(db: Db, staffId: string): Promise<{ id: string; transports: string[] }[]> {
  const rows = await db.selectFrom('passkeys').select(['id', 'transports']).where('staff_id', '=', staffId).execute();
  return rows.map((r) => ({ id: r.id, transports: JSON.parse(r.transports) as string[] }));
}

export async function findPasskey(db: Db, id: string): Promise<StoredPasskey | undefined> {
  const row = await db
    .selectFrom('passkeys')
    .innerJoin('staff', 'staff.id', 'passkeys.staff_id')
    .select([
      'passkeys.id',
      'passkeys.public_key',
      'passkeys.counter',
      'passkeys.transports',
      'staff.id as staff_id',
      'staff.email',
      'staff.role',
    ])
    .where('passkeys.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    publicKey: new Uint8Array(Buffer.from(row.public_key, 'base64url')) as Uint8Array<ArrayBuffer>,
    counter: row.counter,
    transports: JSON.parse(row.transports) as string[],
    staff: { id: row.staff_id, email: row.email, role: row.role },
  };
}

/** False when a passkey with this credential id exists already. */
export async function insertPasskey(
  trx: Db,
  passkey: {
    id: string;
    staffId: string;
    publicKey: Uint8Array;
    counter: number;
    transports: string[];
    name: string;
    at: string;
  },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('passkeys')
    .values({
      id: passkey.id,
      staff_id: passkey.staffId,
      public_key: Buffer.from(passkey.publicKey).toString('base64url'),
      counter: passkey.counter,
      transports: JSON.stringify(passkey.transports),
      name: passkey.name,
      created_at: passkey.at,
      last_used_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function markPasskeyUsed(trx: Db, id: string, counter: number, at: string): Promise<void> {
  await trx.updateTable('passkeys').set({ counter, last_used_at: at }).where('id', '=', id).execute();
}

/** Removes one of the staff member's own passkeys; undefined when they have no such passkey. */
export async function deletePasskey(trx: Db, staffId: string, id: string): Promise<{ name: string } | undefined> {
  return trx
    .deleteFrom('passkeys')
    .where('id', '=', id)
    .where('staff_id', '=', staffId)
    .returning('name')
    .executeTakeFirst();
}
