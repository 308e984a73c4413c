import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** Below this many units the shopper is told that stock is low. */
const LOW_STOCK = 5;

/**
 * Availability in words: "Auf Lager", "Nur noch 3 auf Lager", "Ausverkauft".
 *
 * @summary Stock state.
 */
@customElement('shop-stock-state')
export class ShopStockState extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-size: 0.875rem;
      font-weight: 600;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: currentColor;
    }
    .in {
      color: var(--shop-success);
    }
    .low {
      color: var(--shop-warning);
    }
    .out {
      color: var(--shop-sale);
    }
  `;

  @property({ type: Number }) stock = 0;

  override render() {
    const [kind, text] =
      this.stock <= 0
        ? ['out', 'Ausverkauft']
        : this.stock <= LOW_STOCK
          ? ['low', `Nur noch ${this.stock} auf Lager`]
          : ['in', 'Auf Lager'];
    return html`<span class=${kind}><span class="dot" aria-hidden="true"></span> ${text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-stock-state': ShopStockState;
  }
}
