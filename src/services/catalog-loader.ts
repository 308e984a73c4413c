import type { Catalog } from '../domain/catalog.js';

export const CATALOG_URL = '/data/catalog.json';

/** Fetches and sanity-checks the catalog; a wrong file is a clear error, not a blank page. */
export async function loadCatalog(url = CATALOG_URL): Promise<Catalog> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error('Keine Verbindung und noch kein Katalog auf diesem Gerät gespeichert.');
  }
  if (!response.ok) throw new Error(`Der Katalog ist nicht erreichbar (HTTP ${response.status}).`);
  const catalog = (await response.json()) as Partial<Catalog>;
  if (catalog.version !== 1 || !Array.isArray(catalog.products) || !Array.isArray(catalog.categories)) {
    throw new Error('Der Katalog hat ein unbekanntes Format.');
  }
  return catalog as Catalog;
}
