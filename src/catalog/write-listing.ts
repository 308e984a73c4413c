import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ShippedListing } from './ship.js';

/**
 * Writes a shipped listing into `shopDir`: its files first, the manifest last and in one step, so a
 * manifest on disk always has its files beside it; then the folders of earlier catalogs go.
 */
export async function writeListing(shopDir: string, listing: ShippedListing): Promise<void> {
  const tag = listing.manifest.catalog.tag;
  await rm(join(shopDir, `${tag}.partial`), { recursive: true, force: true });
  const folders = new Set<string>();
  for (const path of listing.files.keys()) folders.add(dirname(path).replace(tag, `${tag}.partial`));
  for (const folder of folders) await mkdir(join(shopDir, folder), { recursive: true });
  const entries = [...listing.files];
  // A few writes at a time: thousands of small files, without thousands of open handles.
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(
      entries
        .slice(i, i + 64)
        .map(([path, text]) => writeFile(join(shopDir, path.replace(tag, `${tag}.partial`)), text)),
    );
  }
  await rm(join(shopDir, tag), { recursive: true, force: true });
  await rename(join(shopDir, `${tag}.partial`), join(shopDir, tag));
  await writeFile(join(shopDir, 'manifest.json.partial'), JSON.stringify(listing.manifest));
  await rename(join(shopDir, 'manifest.json.partial'), join(shopDir, 'manifest.json'));
  for (const entry of await readdir(shopDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== tag)
      await rm(join(shopDir, entry.name), { recursive: true, force: true });
  }
}
