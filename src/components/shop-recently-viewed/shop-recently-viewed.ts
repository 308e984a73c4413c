import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ListingController } from '../../controllers/listing-controller.js';
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

  /** Their cards (details for products with variants), loaded by the listing as they are asked for. */
  private readonly listing = new ListingController(this);

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
    const store = this.listing.store;
    if (!store) return;
    // Only what the whole stored listing lacks is gone; a card not at hand yet is being loaded.
    const gone = this.ids.filter((id) => store.productById(id).state === 'missing');
    if (gone.length > 0) {
      this.ids = this.ids.filter((id) => !gone.includes(id));
      void forgetRecentProducts(gone).catch(() => undefined);
    }
  }

  override render() {
    const store = this.listing.store;
    const products = this.ids
      .map((id) => store?.productById(id))
      .flatMap((view) => (view?.state === 'ready' ? [view.product] : []));
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
