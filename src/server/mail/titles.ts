import { readFile } from 'node:fs/promises';
import { parseCatalog } from '../../catalog/schema.js';
import { CatalogIndex } from '../../domain/catalog-index.js';
import type { LineTitle } from './order-mails.js';

/** "Produkt (Variante)" from the server's catalog; the bare id for a product it no longer has. */
export async function catalogTitles(catalogPath: string): Promise<LineTitle> {
  const index = new CatalogIndex(parseCatalog(JSON.parse(await readFile(catalogPath, 'utf8'))));
  return (line) => {
    const product = index.product(line.productId);
    if (!product) return `Artikel ${line.productId}`;
    const variant = product.variants?.find((v) => v.id === line.variantId);
    return variant ? `${product.title} (${variant.title})` : product.title;
  };
}
