import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { CartController } from '../../controllers/cart-controller.js';
import { sharedStyles } from '../../styles/shared.js';

/**
 * The top bar: logo, search and the cart with its item count.
 *
 * @summary Shop header.
 * @slot - Extra controls at the end (install button, network status).
 */
@customElement('shop-header')
export class ShopHeader extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: sticky;
        top: 0;
        z-index: 10;
        background: var(--shop-primary);
        color: var(--shop-on-primary);
        box-shadow: 0 2px 8px rgb(0 0 0 / 15%);
      }
      .bar {
        max-width: var(--shop-max-width);
        margin: 0 auto;
        padding: 10px var(--shop-gutter);
        display: grid;
        grid-template-columns: auto 1fr auto;
        grid-template-areas: 'logo search actions';
        align-items: center;
        gap: 12px 20px;
      }
      .logo {
        grid-area: logo;
        display: inline-flex;
        align-items: center;
        gap: 10px;
        font-size: 1.45rem;
        font-weight: 800;
        letter-spacing: -0.02em;
        text-decoration: none;
      }
      .logo svg {
        width: 34px;
        height: 34px;
      }
      .search {
        grid-area: search;
        min-width: 0;
      }
      .actions {
        grid-area: actions;
        display: flex;
        justify-content: flex-end;
        align-items: center;
        gap: 8px;
      }
      .cart {
        position: relative;
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-height: 44px;
        padding: 0 12px;
        border-radius: 999px;
        text-decoration: none;
        font-weight: 600;
      }
      .cart:hover {
        background: rgb(255 255 255 / 12%);
      }
      .cart svg {
        width: 26px;
        height: 26px;
      }
      .badge {
        min-width: 22px;
        height: 22px;
        padding: 0 6px;
        border-radius: 11px;
        background: var(--shop-accent);
        color: #1d2421;
        font-size: 0.8rem;
        font-weight: 700;
        display: inline-grid;
        place-items: center;
      }
      @media (max-width: 640px) {
        /* The actions fill the row up to the logo, right-aligned: the install button, shown late,
           then takes room inside them instead of moving their box (a layout shift on every page). */
        .bar {
          grid-template-columns: auto 1fr;
          grid-template-areas: 'logo actions' 'search search';
        }
        .cart-label {
          display: none;
        }
      }
    `,
  ];

  private readonly cart = new CartController(this);

  override render() {
    const count = this.cart.count;
    return html`<header class="bar">
      <a class="logo" href="/" aria-label="Laden – zur Startseite">
        <svg viewBox="0 0 64 64" aria-hidden="true">
          <rect width="64" height="64" rx="14" fill="#f6f1e7" />
          <path d="M18 24h28l-2.5 26a4 4 0 0 1-4 3.6H24.5a4 4 0 0 1-4-3.6z" fill="#0f5c4d" />
          <path d="M25 26v-5a7 7 0 0 1 14 0v5" fill="none" stroke="#f2a93b" stroke-width="4" stroke-linecap="round" />
        </svg>
        Laden
      </a>
      <div class="search"><shop-search-box></shop-search-box></div>
      <div class="actions">
        <slot></slot>
        <a class="cart" href="/cart" aria-label=${`Warenkorb, ${count} ${count === 1 ? 'Artikel' : 'Artikel'}`}>
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2">
            <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2" stroke-linejoin="round" />
            <circle cx="10" cy="20" r="1.4" />
            <circle cx="17" cy="20" r="1.4" />
          </svg>
          <span class="cart-label">Warenkorb</span>
          <span class="badge" data-testid="cart-count">${count}</span>
        </a>
      </div>
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-header': ShopHeader;
  }
}
