import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Product } from '../../domain/catalog.js';
import '../shop-product-card/shop-product-card.js';

/** How many cards load their image eagerly: roughly the first screen on a phone. */
const EAGER_IMAGES = 2;

/**
 * A responsive grid of product cards.
 *
 * @summary Product grid.
 */
@customElement('shop-product-grid')
export class ShopProductGrid extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: clamp(10px, 2vw, 20px);
      grid-template-columns: repeat(auto-fill, minmax(min(44vw, 220px), 1fr));
    }
  `;

  @property({ attribute: false }) products: Product[] = [];
  @property() label = 'Produkte';

  override render() {
    return html`<ul aria-label=${this.label}>
      ${repeat(
        this.products,
        (p) => p.id,
        (p, i) => html`<li><shop-product-card .product=${p} ?priority=${i < EAGER_IMAGES}></shop-product-card></li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-product-grid': ShopProductGrid;
  }
}
