import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { listingContext } from '../../context/listing.js';
import type { ListingStore } from '../../services/listing-store.js';
import type { ProductCard } from '../../domain/product-card.js';
import { formatEuro } from '../../domain/money.js';
import { sharedStyles } from '../../styles/shared.js';
import { dataImages, productImage } from '../shop-image/product-image.js';
import '../shop-rating/shop-rating.js';
import '../shop-stock-state/shop-stock-state.js';
import '../shop-promo-badge/shop-promo-badge.js';

/**
 * One product in a grid: image, brand, title (the link), rating, price and availability.
 *
 * @summary Product tile.
 */
@customElement('shop-product-card')
export class ShopProductCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      article {
        position: relative;
        display: flex;
        flex-direction: column;
        height: 100%;
        background: var(--shop-surface);
        border-radius: var(--shop-radius);
        box-shadow: var(--shop-shadow);
        overflow: hidden;
        transition: transform 0.15s ease;
      }
      article:hover {
        transform: translateY(-2px);
      }
      .body {
        display: flex;
        flex-direction: column;
        gap: 4px;
        padding: 12px 14px 14px;
        flex: 1;
      }
      .brand {
        font-size: 0.75rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--shop-muted);
      }
      h3 {
        margin: 0;
        font-size: 0.975rem;
        font-weight: 600;
        line-height: 1.3;
      }
      h3 a {
        text-decoration: none;
      }
      /* The whole card is clickable through the title link's pseudo-element. */
      h3 a::after {
        content: '';
        position: absolute;
        inset: 0;
      }
      .price {
        margin-top: auto;
        padding-top: 6px;
        font-size: 1.1rem;
        font-weight: 700;
      }
      shop-stock-state {
        font-size: 0.8rem;
      }
      /* Over the picture, out of the flow: promotions are known only once pricing has loaded, and
         a label appearing then must not push the card's text (and the row below) down. */
      shop-promo-badge {
        position: absolute;
        top: 8px;
        left: 8px;
        right: 8px;
        pointer-events: none;
      }
      /* Smaller than on the product page: one line over a phone's half-width card. */
      shop-promo-badge::part(badge) {
        padding: 1px 6px;
        font-size: 0.6875rem;
      }
    `,
  ];

  /** Not subscribed: a card only asks it to fetch the product's details ahead of a likely visit. */
  @consume({ context: listingContext })
  private listing?: ListingStore;

  @property({ attribute: false }) product?: ProductCard;
  /** The image may be above the fold (see `<shop-image priority>`). */
  @property({ type: Boolean }) priority = false;

  /** Pointing at a card or tabbing to it makes opening it likely: its details bucket is small. */
  private readonly prefetch = (): void => {
    if (this.product) this.listing?.prefetch(this.product.slug);
  };

  override render() {
    const p = this.product;
    if (!p) return nothing;
    return html`<article @pointerenter=${this.prefetch} @focusin=${this.prefetch}>
      ${productImage(dataImages, p.image, { priority: this.priority })}
      <shop-promo-badge .product=${p}></shop-promo-badge>
      <div class="body">
        <span class="brand">${p.brand}</span>
        <h3><a href=${`/p/${p.slug}`}>${p.title}</a></h3>
        <shop-rating .value=${p.rating} .count=${p.ratingCount}></shop-rating>
        <span class="price">${formatEuro(p.price)}</span>
        <shop-stock-state .stock=${p.stock} product-id=${p.id}></shop-stock-state>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-product-card': ShopProductCard;
  }
}
