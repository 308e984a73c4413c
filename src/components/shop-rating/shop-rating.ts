import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { lazyFormat } from '../../domain/lazy-format.js';

const ratingFormat = lazyFormat(
  () => new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
);

/**
 * Star rating with its number read out, e.g. "4,5 von 5 Sternen, 120 Bewertungen".
 *
 * @summary Star rating.
 */
@customElement('shop-rating')
export class ShopRating extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-size: 0.875rem;
      color: var(--shop-muted);
    }
    .stars {
      position: relative;
      display: inline-block;
      color: #d8d2c6;
      letter-spacing: 1px;
      line-height: 1;
    }
    .fill {
      position: absolute;
      inset: 0 auto 0 0;
      overflow: hidden;
      color: var(--shop-accent);
      white-space: nowrap;
    }
  `;

  @property({ type: Number }) value = 0;
  @property({ type: Number }) count = 0;

  override render() {
    const label = `${ratingFormat().format(this.value)} von 5 Sternen, ${this.count} Bewertungen`;
    return html`<span class="stars" role="img" aria-label=${label}
        >★★★★★<span class="fill" style="width:${(this.value / 5) * 100}%" aria-hidden="true">★★★★★</span></span
      ><span aria-hidden="true">(${this.count})</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-rating': ShopRating;
  }
}
