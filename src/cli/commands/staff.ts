import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import { addStaff, dropStaff, emailSchema, PasswordRefusedError, roleSchema } from '../../server/admin/staff.js';
import { findStaffByEmail, LastOwnerError, listStaff, StaffExistsError } from '../../server/db/staff-store.js';
import { DB_OPTION, databaseUrlOption, withDatabase } from './db.js';

const ACTOR = { actor: 'laden staff (Kommandozeile)' };

/** Everything on standard input, without the one line end `echo` or a here-string adds. */
async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function email(value: string | undefined): string {
  const parsed = emailSchema.safeParse(value ?? '');
  if (!parsed.success) throw new UsageError(`not an e-mail address: ${value ?? '(missing)'}`);
  return parsed.data;
}

/** Reads the password from this stream; tests hand in their own. */
export const input = { stdin: process.stdin as NodeJS.ReadableStream };

export const staffAddCommand: Command = {
  path: ['staff', 'add'],
  summary: 'create a back-office account (password on stdin)',
  usage: `Usage: laden staff add EMAIL --role owner|staff --password-stdin [--db URL]

Creates an account for the back office at /admin. The password is read from standard input (never
from the command line, where other users and the shell history would see it):
  printf '%s' 'a long passphrase' | laden staff add inhaberin@example.de --role owner --password-stdin
At least 12 characters, not a common password, not the e-mail address. Owners manage staff, the
audit log and the catalog; staff process orders and stock.
${DB_OPTION}`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { role: { type: 'string' }, 'password-stdin': { type: 'boolean' }, db: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('exactly one EMAIL is required');
    const address = email(positionals[0]);
    const role = roleSchema.safeParse(values.role);
    if (!role.success) throw new UsageError('--role must be owner or staff');
    if (!values['password-stdin']) throw new UsageError('--password-stdin is required: pipe the password in');
    const password = await readStdin(input.stdin);
    return withDatabase(databaseUrlOption(values.db), true, async (data) => {
      try {
        const staff = await addStaff(data, { email: address, role: role.data, password }, ACTOR);
        console.log(`${staff.email} (${staff.role}) angelegt`);
        return 0;
      } catch (error) {
        if (error instanceof PasswordRefusedError) throw new UsageError(error.message);
        if (error instanceof StaffExistsError) {
          console.error(`laden staff add: ${address} has an account already`);
          return 1;
        }
        throw error;
      }
    });
  },
};

export const staffListCommand: Command = {
  path: ['staff', 'list'],
  summary: 'list the back-office accounts',
  usage: `Usage: laden staff list [--db URL] [--json]

Prints each account: e-mail address, role, created, number of passkeys.
${DB_OPTION}`,
  async run(args) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
    return withDatabase(databaseUrlOption(values.db), true, async (data) => {
      const staff = await listStaff(data.db);
      if (values.json) console.log(JSON.stringify(staff, null, 2));
      else if (staff.length === 0) console.log('keine Konten (laden staff add EMAIL --role owner --password-stdin)');
      else
        for (const s of staff) {
          console.log(`${s.email.padEnd(40)} ${s.role.padEnd(6)} ${s.createdAt}  Passkeys: ${s.passkeys}`);
        }
      return 0;
    });
  },
};

export const staffRemoveCommand: Command = {
  path: ['staff', 'remove'],
  summary: 'remove a back-office account and end its sessions',
  usage: `Usage: laden staff remove EMAIL [--db URL]

Removes the account with its sessions and passkeys. The last owner cannot be removed.
${DB_OPTION}`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
    if (positionals.length !== 1) throw new UsageError('exactly one EMAIL is required');
    const address = email(positionals[0]);
    return withDatabase(databaseUrlOption(values.db), true, async (data) => {
      const staff = await findStaffByEmail(data.db, address);
      if (!staff) {
        console.error(`laden staff remove: no account for ${address}`);
        return 1;
      }
      try {
        await dropStaff(data, staff.id, ACTOR);
      } catch (error) {
        if (!(error instanceof LastOwnerError)) throw error;
        console.error(`laden staff remove: ${address} is the last owner; add another owner first`);
        return 1;
      }
      console.log(`${address} entfernt`);
      return 0;
    });
  },
};
