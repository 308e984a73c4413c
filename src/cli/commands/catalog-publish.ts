import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import { packageRoot } from '../../node/package-root.js';
import { versionData, latestVersion } from '../../server/db/catalog-store.js';
import type { DataLayer } from '../../server/db/data-layer.js';
import { KEEP_VERSIONS, publishCatalog } from '../../server/catalog/publish.js';
import { databaseUrlFrom, mediaDirFrom } from '../../server/main.js';
import { DB_OPTION, withDatabase } from './db.js';

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${path}: ${(error as Error).message}`);
  }
}

/** --rules, else rules.json beside the catalog, else the served version's, else the built app's. */
async function rulesFor(data: DataLayer, file: string, option: string | undefined, dist: string): Promise<string> {
  if (option) return readText(option, 'rules');
  const beside = join(dirname(file), 'rules.json');
  if (existsSync(beside)) return readText(beside, 'rules');
  const latest = await latestVersion(data.db);
  const served = latest && (await versionData(data.db, latest.version));
  return served ? served.rules_json : readText(join(dist, 'data', 'rules.json'), 'rules');
}

export const catalogPublishCommand: Command = {
  path: ['catalog', 'publish'],
  summary: 'check a catalog and make it the one the shop serves',
  usage: `Usage: laden catalog publish FILE [--rules FILE] [--db URL] [--media DIR] [--dist DIR] [--keep N]

Checks FILE against docs/catalog-format.md, builds its search index and the thumbnails of photos new
to the shop, and stores it as the next catalog version in the database: every server sharing it
sells from the new version within one order, and open shops pick it up at their next check.
A broken file changes nothing: each broken field is one line on stderr, exit code 2.
  --rules FILE  the promotions (default: rules.json beside FILE, else the served ones)
${DB_OPTION}
  --media DIR   the shop's photo folder; photos beside FILE that the shop lacks are copied there
                (default: $LADEN_MEDIA_DIR, else data/media in the package)
  --dist DIR    the built app, whose photos count as present (default: dist/ in the package)
  --keep N      published versions kept in the database (default ${KEEP_VERSIONS})`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        rules: { type: 'string' },
        db: { type: 'string' },
        media: { type: 'string' },
        dist: { type: 'string' },
        keep: { type: 'string' },
      },
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('expected exactly one catalog file');
    const keep = Number(values.keep ?? KEEP_VERSIONS);
    if (!Number.isInteger(keep) || keep < 1 || keep > 1000) {
      throw new UsageError(`--keep must be a whole number from 1 to 1000, got ${values.keep}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(await readText(file, 'catalog'));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
    }
    const dist = values.dist ?? join(packageRoot(), 'dist');
    return withDatabase(databaseUrlFrom(values.db ? { databaseUrl: values.db } : {}), true, async (data) => {
      const result = await publishCatalog(
        data,
        {
          catalog: json,
          rulesText: await rulesFor(data, file, values.rules, dist),
          publishedBy: 'laden catalog publish',
          sourceDir: dirname(resolve(file)),
        },
        { mediaDir: mediaDirFrom(values.media), builtDataDir: join(dist, 'data'), keep },
      );
      if (!result.ok) {
        console.error(`laden catalog publish: ${file} was not published, nothing changed:`);
        for (const issue of result.issues) console.error(`${issue.path}: ${issue.message}`);
        return 2;
      }
      const { thumbnails } = result;
      console.log(
        result.unchanged
          ? `${file}: unchanged, version ${result.version} stays served`
          : `${file}: published as version ${result.version} (${result.catalog.products.length} products, ` +
              `search index ${result.indexBytes} bytes, listing ${result.listingFiles} files, thumbnails ${thumbnails.written} written)`,
      );
      for (const failure of thumbnails.failures) console.error(`  thumbnail: ${failure}`);
      return 0;
    });
  },
};
