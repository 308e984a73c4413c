import { cardOf } from '../domain/card-of.js';
import type { Catalog } from '../domain/catalog.js';
import type { ProductCard } from '../domain/product-card.js';

/**
 * Where a device search hit's card comes from: the one place that knows. Today the loaded catalog;
 * once the shop loads a listing instead, its lookup goes here.
 */
export function cardLookup(catalog: Catalog): (id: string) => ProductCard | undefined {
  let byId: Map<string, ProductCard> | undefined;
  return (id) => {
    byId ??= new Map(catalog.products.map((p) => [p.id, cardOf(p)]));
    return byId.get(id);
  };
}
