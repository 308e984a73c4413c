import type { Catalog } from '../../domain/catalog.js';
import { CatalogIndex } from '../../domain/catalog-index.js';
import type { LineTitle } from './order-mails.js';

/** "Produkt (Variante)" from the served catalog; the bare id for a product it no longer has. */
export function catalogTitles(catalog: Catalog): LineTitle {
  const index = new CatalogIndex(catalog);
  return (line) => {
    const product = index.product(line.productId);
    if (!product) return `Artikel ${line.productId}`;
    const variant = product.variants?.find((v) => v.id === line.variantId);
    return variant ? `${product.title} (${variant.title})` : product.title;
  };
}
