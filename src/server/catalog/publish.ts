import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkCatalog, type CatalogIssue } from '../../catalog/schema.js';
import { shipListing } from '../../catalog/ship.js';
import { makeThumbnails, type ThumbnailReport } from '../../catalog/thumbnails.js';
import type { Catalog, ProductImage } from '../../domain/catalog.js';
import { RulesFormatError, parseRulesText } from '../../domain/promotion-rules.js';
import { SearchEngine } from '../../wasm/search.js';
import { insertVersion, latestVersion } from '../db/catalog-store.js';
import type { DataLayer } from '../db/data-layer.js';
import { seedStock } from '../db/stock-store.js';
import { appendAudit } from '../db/audit-store.js';

/** Published versions kept in the database (the newest is served); older ones are deleted. */
export const KEEP_VERSIONS = 5;

export interface PublishInput {
  /** The catalog as parsed JSON; it is checked here. */
  catalog: unknown;
  /** The promotions (rules.json) that go with it. */
  rulesText: string;
  /** Who publishes: the owner's e-mail, or `laden catalog publish` for the command line. */
  publishedBy: string;
  /** The client address of an upload, for the audit log. */
  address?: string | null;
  /** The catalog file's folder, where photos new to the shop are found; absent for an upload. */
  sourceDir?: string;
}

export interface PublishPlaces {
  /** The shop's photo folder, served under /data/ (photos and their thumbnails). */
  mediaDir: string;
  /** The built app's data folder, whose photos the shop serves too. */
  builtDataDir?: string;
  keep?: number;
}

export type PublishResult =
  | {
      ok: true;
      version: number;
      unchanged: boolean;
      catalog: Catalog;
      indexBytes: number;
      /** Card shards and details buckets of the version's listing. */
      listingFiles: number;
      thumbnails: ThumbnailReport;
    }
  | { ok: false; issues: CatalogIssue[] };

/** Where a photo already is: the shop's photo folder first, then the built app's, then beside the file. */
function locate(src: string, input: PublishInput, places: PublishPlaces): 'served' | 'source' | undefined {
  if (existsSync(join(places.mediaDir, src))) return 'served';
  if (places.builtDataDir && existsSync(join(places.builtDataDir, src))) return 'served';
  if (input.sourceDir && existsSync(join(input.sourceDir, src))) return 'source';
  return undefined;
}

/**
 * Publishes a catalog: checks it with the catalog rules and its photos, copies photos new to the
 * shop into the photo folder and makes their thumbnails, builds the search index, and stores it all
 * as the next version in one transaction, which is the moment the shop switches. A broken catalog
 * changes nothing and comes back with every broken field's path. A catalog identical to the served
 * one (catalog and rules) is not stored again: the answer names the served version.
 */
export async function publishCatalog(
  data: DataLayer,
  input: PublishInput,
  places: PublishPlaces,
): Promise<PublishResult> {
  const checked = checkCatalog(input.catalog);
  const issues: CatalogIssue[] = checked.ok ? [] : [...checked.issues];
  let rulesJson = '';
  try {
    rulesJson = JSON.stringify(parseRulesText(input.rulesText, 'rules.json'));
  } catch (error) {
    if (!(error instanceof RulesFormatError)) throw error;
    issues.push({ path: 'rules', message: error.message });
  }
  if (!checked.ok) return { ok: false, issues };
  const catalog = checked.catalog;
  const fromSource = new Map<string, ProductImage>();
  catalog.products.forEach((product, i) =>
    product.images.forEach((image, j) => {
      const found = locate(image.src, input, places);
      if (found === 'source') fromSource.set(image.src, image);
      if (!found) {
        issues.push({
          path: `products.${i}.images.${j}.src`,
          message: `no file ${image.src} ${input.sourceDir ? 'beside the catalog nor ' : ''}among the shop's photos`,
        });
      }
    }),
  );
  if (issues.length > 0) return { ok: false, issues };

  for (const src of fromSource.keys()) {
    const target = join(places.mediaDir, src);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(input.sourceDir!, src), target);
  }
  const thumbnails = await makeThumbnails(places.mediaDir, [...fromSource.values()]);
  const index = (await SearchEngine.build(catalog)).image();
  const catalogJson = JSON.stringify(catalog);
  const checksum = createHash('sha256').update(catalogJson).update('\0').update(rulesJson).digest('hex');
  // Cut here once so that a catalog the app could not be given is never stored; the server cuts the
  // stored version again on its first request (ServedCatalog.listing), the same files byte for byte.
  const listingFiles = shipListing(catalog, checksum).files.size;

  const stored = await data.transaction(async (trx) => {
    const latest = await latestVersion(trx);
    if (latest?.checksum === checksum) return { version: latest.version, unchanged: true };
    const version = await insertVersion(
      trx,
      data.backend,
      {
        published_at: new Date().toISOString(),
        checksum,
        published_by: input.publishedBy,
        catalog_json: catalogJson,
        rules_json: rulesJson,
        search_index: index,
      },
      places.keep ?? KEEP_VERSIONS,
    );
    // New items start with the file's stock, known items keep theirs: committed with the version
    // that sells them, as is the audit entry.
    await seedStock(trx, catalog);
    await appendAudit(trx, {
      actor: input.publishedBy,
      action: 'catalog-published',
      target: `catalog version ${version}`,
      before: latest ? { version: latest.version, checksum: latest.checksum } : { version: 0 },
      after: { version, checksum, products: catalog.products.length, categories: catalog.categories.length },
      address: input.address ?? null,
    });
    return { version, unchanged: false };
  });
  return { ok: true, ...stored, catalog, indexBytes: index.byteLength, listingFiles, thumbnails };
}
