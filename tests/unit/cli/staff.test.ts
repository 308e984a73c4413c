import { execFile } from 'node:child_process';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { input } from '../../../src/cli/commands/staff.js';
import { main } from '../../../src/cli/main.js';
import { verifyPassword } from '../../../src/server/admin/password.js';
import { listAudit } from '../../../src/server/db/audit-store.js';
import { openDataLayer } from '../../../src/server/db/data-layer.js';
import { findStaffByEmail } from '../../../src/server/db/staff-store.js';
import { BACKENDS, freshDatabase } from '../../support/databases.js';

vi.setConfig({ testTimeout: 60_000 });

const PASSWORD = 'Kastanienbaum-im-Hof-7';

describe.each(BACKENDS)('laden staff (%s)', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let stdout: string[];
  let stderr: string[];

  beforeEach(async () => {
    database = await freshDatabase(backend);
    stdout = [];
    stderr = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void stdout.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void stderr.push(line));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await database.drop();
  });

  const run = (args: string[], stdin = '') => {
    input.stdin = Readable.from([Buffer.from(stdin)]);
    return main([...args, '--db', database.url]);
  };

  async function stored(email: string) {
    const data = await openDataLayer({ url: database.url });
    try {
      return {
        staff: await findStaffByEmail(data.db, email),
        audit: (await listAudit(data.db, { limit: 10 })).entries,
      };
    } finally {
      await data.close();
    }
  }

  it('adds an owner with the password from stdin, hashed with scrypt, and audits it', async () => {
    expect(
      await run(['staff', 'add', 'Inhaberin@Example.de', '--role', 'owner', '--password-stdin'], `${PASSWORD}\n`),
    ).toBe(0);
    expect(stdout).toEqual(['inhaberin@example.de (owner) angelegt']);
    const { staff, audit } = await stored('inhaberin@example.de');
    expect(staff).toMatchObject({ email: 'inhaberin@example.de', role: 'owner' });
    expect(staff?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    // The line end `echo` adds is not part of the password.
    expect(await verifyPassword(PASSWORD, staff?.passwordHash ?? '')).toBe(true);
    expect(audit[0]).toMatchObject({ action: 'staff-added', target: 'inhaberin@example.de', address: null });
  });

  it('lists and removes accounts, but never the last owner', async () => {
    await run(['staff', 'add', 'inhaberin@example.de', '--role', 'owner', '--password-stdin'], PASSWORD);
    await run(['staff', 'add', 'lager@example.de', '--role', 'staff', '--password-stdin'], PASSWORD);
    stdout.length = 0;
    expect(await run(['staff', 'list'])).toBe(0);
    expect(stdout).toHaveLength(2);
    expect(stdout[0]).toMatch(/^inhaberin@example\.de\s+owner\s+\S+\s+Passkeys: 0$/);
    expect(stdout[1]).toMatch(/^lager@example\.de\s+staff /);
    expect(await run(['staff', 'remove', 'inhaberin@example.de'])).toBe(1);
    expect(stderr.at(-1)).toMatch(/last owner/);
    expect(await run(['staff', 'remove', 'lager@example.de'])).toBe(0);
    expect(await run(['staff', 'remove', 'lager@example.de'])).toBe(1);
    stdout.length = 0;
    expect(await run(['staff', 'list', '--json'])).toBe(0);
    expect(JSON.parse(stdout.join('\n'))).toEqual([
      {
        id: expect.any(String),
        email: 'inhaberin@example.de',
        role: 'owner',
        createdAt: expect.any(String),
        passkeys: 0,
      },
    ]);
  });

  it.each([
    [['staff', 'add', 'a@example.de', '--role', 'owner'], PASSWORD, /--password-stdin is required/],
    [['staff', 'add', 'a@example.de', '--role', 'chef', '--password-stdin'], PASSWORD, /--role must be owner or staff/],
    [['staff', 'add', 'kein-at', '--role', 'owner', '--password-stdin'], PASSWORD, /not an e-mail address/],
    [['staff', 'add', 'a@example.de', '--role', 'owner', '--password-stdin'], 'zu-kurz', /mindestens 12 Zeichen/],
    [['staff', 'add', 'a@example.de', '--role', 'owner', '--password-stdin'], 'qwertyuiop123', /zu verbreitet/],
  ])('refuses %j with exit code 2 and one line', async (args, stdin, message) => {
    expect(await run(args, stdin)).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
  });

  it('refuses a second account for one address with exit code 1', async () => {
    expect(await run(['staff', 'add', 'a@example.de', '--role', 'owner', '--password-stdin'], PASSWORD)).toBe(0);
    expect(await run(['staff', 'add', 'A@example.de', '--role', 'staff', '--password-stdin'], PASSWORD)).toBe(1);
    expect(stderr[0]).toMatch(/has an account already/);
  });
});

describe('the built laden staff command', () => {
  it('reads the password from a real pipe', async () => {
    const database = await freshDatabase('sqlite');
    try {
      const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          [
            'bin/laden.js',
            'staff',
            'add',
            'inhaberin@example.de',
            '--role',
            'owner',
            '--password-stdin',
            '--db',
            database.url,
          ],
          (error, stdout) => resolve({ code: error ? (error.code as number) : 0, stdout }),
        );
        child.stdin?.end(`${PASSWORD}\n`);
      });
      expect(result).toEqual({ code: 0, stdout: 'inhaberin@example.de (owner) angelegt\n' });
      const data = await openDataLayer({ url: database.url });
      const staff = await findStaffByEmail(data.db, 'inhaberin@example.de');
      await data.close();
      expect(await verifyPassword(PASSWORD, staff?.passwordHash ?? '')).toBe(true);
    } finally {
      await database.drop();
    }
  });
});
