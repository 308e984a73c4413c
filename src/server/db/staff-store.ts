import { randomUUID } from 'node:crypto';
import type { StaffTable } from './tables.js';
import type { Db } from './transaction.js';

export type Role = StaffTable['role'];
export const ROLES = ['owner', 'staff'] as const satisfies readonly Role[];

/** A staff member as the API shows them: never the password hash. */
export interface Staff {
  id: string;
  email: string;
  role: Role;
}

export interface StaffListing extends Staff {
  createdAt: string;
  passkeys: number;
}

export const normalEmail = (email: string) => email.trim().toLowerCase();

export class StaffExistsError extends Error {
  override name = 'StaffExistsError';
}
export class LastOwnerError extends Error {
  override name = 'LastOwnerError';
}

const pick = (row: Pick<StaffTable, 'id' | 'email' | 'role'>): Staff => ({
  id: row.id,
  email: row.email,
  role: row.role,
});

export async function findStaffByEmail(db: Db, email: string): Promise<(Staff & { passwordHash: string }) | undefined> {
  const row = await db
    .selectFrom('staff')
    .select(['id', 'email', 'role', 'password_hash'])
    .where('email', '=', normalEmail(email))
    .executeTakeFirst();
  return row && { ...pick(row), passwordHash: row.password_hash };
}

export async function findStaff(db: Db, id: string): Promise<Staff | undefined> {
  const row = await db.selectFrom('staff').select(['id', 'email', 'role']).where('id', '=', id).executeTakeFirst();
  return row && pick(row);
}

/** Inside a transaction: a new account; an existing address is `StaffExistsError`. */
export async function insertStaff(
  trx: Db,
  account: { email: string; role: Role; passwordHash: string; at: string },
): Promise<Staff> {
  const email = normalEmail(account.email);
  const taken = await trx.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new StaffExistsError(`${email} already has an account`);
  const staff = { id: randomUUID(), email, role: account.role };
  await trx
    .insertInto('staff')
    .values({ ...staff, password_hash: account.passwordHash, created_at: account.at })
    .execute();
  return staff;
}

export async function updatePasswordHash(trx: Db, id: string, passwordHash: string): Promise<void> {
  await trx.updateTable('staff').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

/**
 * Inside a transaction: removes the account with its sessions and passkeys. The last owner stays:
 * without one nobody could manage staff again (`LastOwnerError`). Undefined when there is no such account.
 */
export async function removeStaff(trx: Db, id: string): Promise<Staff | undefined> {
  const staff = await findStaff(trx, id);
  if (!staff) return undefined;
  if (staff.role === 'owner') {
    const owners = await trx
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    if (Number(owners.n) <= 1) throw new LastOwnerError(`${staff.email} is the last owner`);
  }
  await trx.deleteFrom('staff').where('id', '=', id).execute();
  return staff;
}

export async function listStaff(db: Db): Promise<StaffListing[]> {
  const rows = await db
    .selectFrom('staff')
    .leftJoin('passkeys', 'passkeys.staff_id', 'staff.id')
    .select((eb) => [
      'staff.id',
      'staff.email',
      'staff.role',
      'staff.created_at',
      eb.fn.count<number>('passkeys.id').as('passkeys'),
    ])
    .groupBy(['staff.id', 'staff.email', 'staff.role', 'staff.created_at'])
    .orderBy('staff.email')
    .execute();
  return rows.map((r) => ({ ...pick(r), createdAt: r.created_at, passkeys: Number(r.passkeys) }));
}
