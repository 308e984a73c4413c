import { html } from 'lit';
import type { Product } from '../../domain/catalog.js';
import { formatEuro } from '../../domain/money.js';
import type { Quote, QuoteLine } from '../../domain/quote.js';

export const SHIPPING_LABELS: Record<string, string> = {
  standard: 'Standardversand (2–4 Werktage)',
  express: 'Expressversand (1 Werktag)',
};

/** Where the titles of ordered products come from (the listing: what is on the device). */
export interface ProductTitles {
  product(id: string): Pick<Product, 'title' | 'variants'> | undefined;
}

/** "Produkt (Variante)", or the bare id of a product the catalog no longer has. */
export function lineTitle(
  line: Pick<QuoteLine, 'productId' | 'variantId'>,
  catalog: ProductTitles | undefined,
): string {
  const product = catalog?.product(line.productId);
  if (!product) return `Artikel ${line.productId}`;
  const variant = product.variants?.find((v) => v.id === line.variantId);
  return variant ? `${product.title} (${variant.title})` : product.title;
}

/** The ordered lines: quantity, title, line total. */
export function renderLines(quote: Quote, catalog: ProductTitles | undefined) {
  return html`<ul class="order-lines" aria-label="Bestellte Artikel">
    ${quote.lines.map(
      (line) =>
        html`<li>
          <span class="qty">${line.quantity} ×</span>
          <span class="name">${lineTitle(line, catalog)}</span>
          <span class="amount">${formatEuro(line.total)}</span>
        </li>`,
    )}
  </ul>`;
}
