import type { Catalog } from '../domain/catalog.js';

/**
 * Product titles for the order lines, which carry only ids: read once from the catalog the shop
 * serves. Without it (not reachable, or the product since removed) a line shows its id.
 */
let titles: Promise<Map<string, string>> | undefined;

export function productTitles(): Promise<Map<string, string>> {
  titles ??= fetch('/data/catalog.json')
    .then((r) => (r.ok ? (r.json() as Promise<Catalog>) : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((catalog) => {
      const map = new Map<string, string>();
      for (const p of catalog.products) {
        map.set(p.id, p.title);
        for (const v of p.variants ?? []) map.set(`${p.id}/${v.id}`, `${p.title} (${v.title})`);
      }
      return map;
    })
    .catch((error: unknown) => {
      console.warn('Laden: product titles unavailable', error);
      titles = undefined;
      return new Map<string, string>();
    });
  return titles;
}

export const lineTitle = (map: Map<string, string>, productId: string, variantId?: string): string =>
  (variantId ? map.get(`${productId}/${variantId}`) : undefined) ??
  map.get(productId) ??
  (variantId ? `${productId} / ${variantId}` : productId);
