import { z } from 'zod';
import { appendAudit } from '../db/audit-store.js';
import type { DataLayer } from '../db/data-layer.js';
import { insertStaff, normalEmail, removeStaff, ROLES, type Role, type Staff } from '../db/staff-store.js';
import { hashPassword, passwordProblem } from './password.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Bitte eine gültige E-Mail-Adresse angeben.').max(254, 'Höchstens 254 Zeichen.'));
export const roleSchema = z.enum(ROLES, 'Die Rolle ist owner oder staff.');

/** A password the policy refuses (too short, too common, the e-mail address …); the message says why. */
export class PasswordRefusedError extends Error {
  override name = 'PasswordRefusedError';
}

/** Who did it and from where, for the audit log. */
export interface Actor {
  actor: string;
  address?: string | null;
  at?: string;
}

/**
 * A new staff account, the same way from the API and the command line: the password checked against
 * the policy and hashed, the account and its audit entry written in one transaction.
 * Throws PasswordRefusedError or StaffExistsError.
 */
export async function addStaff(
  data: DataLayer,
  account: { email: string; role: Role; password: string },
  by: Actor,
): Promise<Staff> {
  const email = normalEmail(account.email);
  const refused = passwordProblem(account.password, email);
  if (refused) throw new PasswordRefusedError(refused);
  const passwordHash = await hashPassword(account.password);
  const at = by.at ?? new Date().toISOString();
  return data.write(async (trx) => {
    const staff = await insertStaff(trx, { email, role: account.role, passwordHash, at });
    await appendAudit(trx, {
      actor: by.actor,
      action: 'staff-added',
      target: staff.email,
      after: { email: staff.email, role: staff.role },
      address: by.address ?? null,
      at,
    });
    return staff;
  });
}

/** Removes an account (its sessions and passkeys go with it). Throws LastOwnerError; undefined if unknown. */
export async function dropStaff(data: DataLayer, id: string, by: Actor): Promise<Staff | undefined> {
  return data.write(async (trx) => {
    const staff = await removeStaff(trx, id);
    if (!staff) return undefined;
    await appendAudit(trx, {
      actor: by.actor,
      action: 'staff-removed',
      target: staff.email,
      before: { email: staff.email, role: staff.role },
      address: by.address ?? null,
      ...(by.at ? { at: by.at } : {}),
    });
    return staff;
  });
}
