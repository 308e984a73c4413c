import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { StockController } from '../../controllers/stock-controller.js';
import { LOW_STOCK } from '../../domain/stock.js';
import { lazyFormat } from '../../domain/lazy-format.js';

const time = lazyFormat(() => new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' }));
const dayAndTime = lazyFormat(
  () => new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' }),
);

/** "Stand: 10:42 Uhr" today, "Stand: 1.12., 18:05 Uhr" before. */
export function asOf(at: number, now = Date.now()): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return `Stand: ${(sameDay ? time() : dayAndTime()).format(at)} Uhr`;
}

/**
 * Availability in words: "Auf Lager", "Nur noch 3 auf Lager", "Ausverkauft". With a `product-id` it
 * shows the server's live stock (a variant's with `variant-id`, else the product's over all variants);
 * offline or when the last answer is old, the last known state with the time it is from. `stock` (the
 * catalog's figure) stands in until anything is known.
 *
 * @summary Stock state, live.
 */
@customElement('shop-stock-state')
export class ShopStockState extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      flex-wrap: wrap;
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
    .as-of {
      font-weight: 400;
      color: var(--shop-muted, #555);
    }
  `;

  private readonly live = new StockController(this, () => this.productId);

  /** The catalog's figure, shown until the server's is known. */
  @property({ type: Number }) stock = 0;
  @property({ attribute: 'product-id' }) productId = '';
  @property({ attribute: 'variant-id' }) variantId = '';

  /** The units shown: the server's when known, else the catalog's. */
  get units(): number {
    if (!this.productId) return this.stock;
    const service = this.live.service;
    const live = this.variantId
      ? service.available(this.productId, this.variantId)
      : service.productAvailable(this.productId);
    return live ?? this.stock;
  }

  override render() {
    const units = this.units;
    const [kind, text] =
      units <= 0
        ? ['out', 'Ausverkauft']
        : units <= LOW_STOCK
          ? ['low', `Nur noch ${units} auf Lager`]
          : ['in', 'Auf Lager'];
    const known = this.productId ? this.live.service.known : undefined;
    const old = known && !this.live.service.isFresh();
    return html`<span class=${kind} data-units=${units}><span class="dot" aria-hidden="true"></span> ${text}</span>
      ${old ? html`<span class="as-of">${asOf(known.fetchedAt)}</span>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-stock-state': ShopStockState;
  }
}
