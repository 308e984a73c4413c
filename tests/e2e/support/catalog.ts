import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, Product } from '../../../src/domain/catalog.js';
import { distDir } from './server.js';

/** The catalog of the built shop, read from disk so a test can pick products it has not opened. */
export function builtCatalog(dir = distDir): Catalog {
  return JSON.parse(readFileSync(join(dir, 'data', 'catalog.json'), 'utf8')) as Catalog;
}

/** Products a shopper can put into the cart as they are: in stock, no variant to choose. */
export const simpleProducts = (catalog: Catalog): Product[] =>
  catalog.products.filter((p) => (p.variants ?? []).length === 0 && p.stock > 5);
