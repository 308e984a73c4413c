import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ListingController } from '../../controllers/listing-controller.js';
import { sharedStyles } from '../../styles/shared.js';
import '../shop-product-grid/shop-product-grid.js';
import '../shop-recently-viewed/shop-recently-viewed.js';

/**
 * The start page: a welcome, the categories and the best-rated products.
 *
 * @summary Home page.
 */
@customElement('shop-home-page')
export class ShopHomePage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .hero {
        margin-bottom: 28px;
        padding: clamp(20px, 5vw, 44px);
        border-radius: var(--shop-radius);
        background:
          radial-gradient(circle at 85% 20%, rgb(242 169 59 / 35%), transparent 45%),
          linear-gradient(135deg, #0f5c4d, #174f68);
        color: #fff;
      }
      .hero h1 {
        font-size: clamp(1.6rem, 5vw, 2.6rem);
        max-width: 22ch;
      }
      .hero p {
        max-width: 52ch;
        margin: 0;
        opacity: 0.92;
      }
      h2 {
        font-size: 1.3rem;
        margin: 28px 0 14px;
      }
      .categories {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      }
      .categories a {
        display: flex;
        align-items: center;
        min-height: 56px;
        padding: 10px 14px;
        border-radius: var(--shop-radius-small);
        background: var(--shop-surface);
        border: 1px solid var(--shop-border);
        text-decoration: none;
        font-weight: 600;
      }
      .categories a:hover {
        border-color: var(--shop-primary);
      }
    `,
  ];

  /** The categories and the best-rated products come with the listing's manifest: no shard needed. */
  private readonly listing = new ListingController(this);

  override render() {
    const catalog = this.listing.store;
    if (!catalog) return nothing;
    const featured = catalog.homeCards;
    return html`<div class="page">
      <section class="hero">
        <h1>Gut einkaufen – auch ohne Netz.</h1>
        <p>
          Stöbern, suchen und bestellen, im Browser oder als App. Ihr Warenkorb bleibt auf diesem Gerät, auch wenn die
          Verbindung weg ist.
        </p>
      </section>
      <h2>Kategorien</h2>
      <ul class="categories">
        ${catalog.categories.map((c) => html`<li><a href=${`/c/${c.slug}`}>${c.name}</a></li>`)}
      </ul>
      <h2>Beliebt</h2>
      <shop-product-grid .products=${featured} label="Beliebte Produkte"></shop-product-grid>
      <shop-recently-viewed></shop-recently-viewed>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-home-page': ShopHomePage;
  }
}
