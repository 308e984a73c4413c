import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { catalogContext } from '../../context/catalog.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import type { Product } from '../../domain/catalog.js';
import { toCard } from '../../domain/listing-format.js';
import { forgetRecentProducts, recentProductIds } from '../../services/recently-viewed.js';
import { sharedStyles } from '../../styles/shared.js';
import '../shop-product-grid/shop-product-grid.js';

/**
 * The products this shopper looked at last, newest first, read from IndexedDB, so they are there
 * offline too. Renders nothing until there is something to show.
 *
 * @summary "Zuletzt angesehen" list.
 */
@customElement('shop-recently-viewed')
export class ShopRecentlyViewed extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  @consume({ context: catalogContext, subscribe: true })
  private catalog?: CatalogIndex;

  @state() private ids: string[] = [];

  /** How many products to show at most. */
  @property({ type: Number }) limit = 5;

  override connectedCallback(): void {
    super.connectedCallback();
    recentProductIds(this.limit).then(
      (ids) => (this.ids = ids),
      (error: unknown) => console.error('Laden: recently viewed products could not be read', error),
    );
  }

  override willUpdate(): void {
    const catalog = this.catalog;
    if (!catalog) return;
    const gone = this.ids.filter((id) => !catalog.product(id));
    if (gone.length > 0) {
      this.ids = this.ids.filter((id) => catalog.product(id));
      void forgetRecentProducts(gone).catch(() => undefined);
    }
  }

  override render() {
    const products = this.ids.map((id) => this.catalog?.product(id)).filter((p): p is Product => p !== undefined);
    if (products.length === 0) return nothing;
    return html`<h2>Zuletzt angesehen</h2>
      <shop-product-grid .products=${products.map(toCard)} label="Zuletzt angesehen"></shop-product-grid>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-recently-viewed': ShopRecentlyViewed;
  }
}
