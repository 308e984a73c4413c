/**
 * Which catalog version the shop shows, and where its data is. The app was built with one catalog
 * (precached at /data/…); a merchant publishes newer ones without a new build, named by
 * `GET /api/catalog/current` (docs/catalog-format.md). The device remembers the version it last
 * switched to, so a start without a network shows that one from the service worker's cache.
 */
export interface CatalogPointer {
  /** 0: the catalog the app was built with. */
  version: number;
  catalog: string;
  index: string;
  rules: string;
  /** The manifest of its shipped listing, which the pages read (docs/catalog-format.md). */
  listing: string;
}

export const BUILT_CATALOG: CatalogPointer = {
  version: 0,
  catalog: '/data/catalog.json',
  index: '/data/search-index.bin',
  rules: '/data/rules.json',
  listing: '/data/shop/manifest.json',
};

export const CURRENT_CATALOG_URL = '/api/catalog/current';
const STORAGE_KEY = 'laden-catalog-version';

const sameOriginPath = (value: unknown): value is string =>
  typeof value === 'string' && /^\/data\/[\w./-]+$/.test(value);

function pointerFrom(value: unknown): CatalogPointer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, catalog, index, rules, listing } = value as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return undefined;
  if (!sameOriginPath(catalog) || !sameOriginPath(index) || !sameOriginPath(rules)) return undefined;
  // A version remembered before listings were shipped: its listing sits beside its catalog.
  const shipped = listing ?? catalog.replace(/catalog\.json$/, 'shop/manifest.json');
  if (!sameOriginPath(shipped)) return undefined;
  return { version, catalog, index, rules, listing: shipped };
}

/** The version this device last showed (the built one at first, or after a damaged entry). */
export function rememberedCatalog(): CatalogPointer {
  try {
    return pointerFrom(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')) ?? BUILT_CATALOG;
  } catch {
    return BUILT_CATALOG;
  }
}

export function rememberCatalog(pointer: CatalogPointer): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(pointer));
  } catch (error) {
    // Without it the next start shows the built catalog first and switches again: slower, not wrong.
    console.warn('Laden: the catalog version could not be remembered', error);
  }
}

/** The server's current version, or undefined when it cannot be asked (offline, an old server). */
export async function fetchCurrentCatalog(): Promise<CatalogPointer | undefined> {
  try {
    const response = await fetch(CURRENT_CATALOG_URL, { cache: 'no-store' });
    return response.ok ? pointerFrom(await response.json()) : undefined;
  } catch {
    return undefined;
  }
}
