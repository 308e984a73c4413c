import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import { CopyRefusedError, copyDatabase } from '../../server/db/copy.js';
import { openDataLayer, type DataLayer } from '../../server/db/data-layer.js';
import { MIGRATIONS, migrate, schemaVersion } from '../../server/db/migrate.js';
import { databaseUrlFrom } from '../../server/main.js';

export const DB_OPTION = `  --db URL      postgres://user:pass@host:port/db, or sqlite:FILE / FILE for the embedded store
                (default: $LADEN_DATABASE_URL, else $LADEN_DB, else data/laden.sqlite in the package)`;

function target(args: string[]): string {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
  return databaseUrlOption(values.db);
}

/** The database a command works on: --db, else the server's default. */
export function databaseUrlOption(db: string | undefined): string {
  return databaseUrlFrom(db ? { databaseUrl: db } : {});
}

export async function withDatabase<T>(url: string, migrateOnOpen: boolean, work: (data: DataLayer) => Promise<T>) {
  let data: DataLayer;
  try {
    data = await openDataLayer({ url, migrate: migrateOnOpen });
  } catch (error) {
    throw new UsageError(`cannot open the database: ${(error as Error).message}`);
  }
  try {
    return await work(data);
  } finally {
    await data.close();
  }
}

export const dbMigrateCommand: Command = {
  path: ['db', 'migrate'],
  summary: 'bring the database to the schema this version needs',
  usage: `Usage: laden db migrate [--db URL]

Applies every migration the database lacks (the server does this at start too) and prints the version.
A database newer than this program is refused.
${DB_OPTION}`,
  async run(args) {
    return withDatabase(target(args), false, async (data) => {
      const before = await schemaVersion(data);
      const after = await migrate(data);
      console.log(`${data.backend} ${data.location}: schema version ${before} → ${after}`);
      return 0;
    });
  },
};

export const dbStatusCommand: Command = {
  path: ['db', 'status'],
  summary: 'show the backend, the schema version and pending migrations',
  usage: `Usage: laden db status [--db URL]

Prints which database the server would use, its schema version and the migrations not yet applied.
Changes nothing. Exit code 1 when migrations are pending or the database is newer than this program.
${DB_OPTION}`,
  async run(args) {
    return withDatabase(target(args), false, async (data) => {
      const version = await schemaVersion(data);
      const pending = MIGRATIONS.filter((m) => m.version > version);
      console.log(`backend: ${data.backend}`);
      console.log(`database: ${data.location}`);
      console.log(`schema version: ${version} (this program knows ${MIGRATIONS.length})`);
      if (version > MIGRATIONS.length) console.log('the database is newer than this program: update laden');
      console.log(
        pending.length ? `pending: ${pending.map((m) => `${m.version}-${m.name}`).join(', ')}` : 'pending: none',
      );
      return pending.length === 0 && version <= MIGRATIONS.length ? 0 : 1;
    });
  },
};

export const dbCopyCommand: Command = {
  path: ['db', 'copy'],
  summary: 'copy every table into another, empty database',
  usage: `Usage: laden db copy --from URL --to URL

Copies all data from one database to another, e.g. from the embedded SQLite file to PostgreSQL:
  laden db copy --from sqlite:data/laden.sqlite --to postgres://laden@db.example:5432/laden
The target is migrated first and must be empty; the copy is one transaction. Stop the servers that
write to the source first, then start them with LADEN_DATABASE_URL set to the target.`,
  async run(args) {
    const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } } });
    if (!values.from || !values.to) throw new UsageError('--from and --to are both required');
    const { from, to } = values;
    return withDatabase(from, false, (source) =>
      withDatabase(to, true, async (destination) => {
        try {
          const copied = await copyDatabase(source, destination);
          const summary = Object.entries(copied).map(([table, n]) => `${table} ${n}`);
          console.log(`copied ${source.location} → ${destination.location}: ${summary.join(', ')}`);
          return 0;
        } catch (error) {
          if (error instanceof CopyRefusedError) throw new UsageError(error.message);
          throw error;
        }
      }),
    );
  },
};
