import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatEuro } from '../../domain/money.js';
import type { Quote } from '../../domain/quote.js';
import { orderSummaryStyles } from './shop-order-summary.styles.js';

/**
 * The price breakdown a German shopper expects: Zwischensumme, each discount by its label,
 * Versand (with how much is missing to free shipping), Gesamtsumme and the VAT it includes per rate.
 *
 * @summary Order totals.
 */
@customElement('shop-order-summary')
export class ShopOrderSummary extends LitElement {
  static override styles = orderSummaryStyles;

  @property({ attribute: false }) quote?: Quote;
  /** Shown instead of the figures when prices cannot be computed. */
  @property() problem = '';

  private renderShipping(quote: Quote) {
    const { shipping } = quote;
    const label = shipping.method === 'express' ? 'Versand (Express)' : 'Versand';
    const missing = shipping.remainingForFree ?? 0;
    return html`<dt>${label}</dt>
      <dd data-testid="shipping">${shipping.price === 0 ? 'kostenlos' : formatEuro(shipping.price)}</dd>
      ${
        missing > 0
          ? html`<p class="hint" data-testid="free-shipping-hint">
              Noch ${formatEuro(missing)} bis zum kostenlosen Versand
            </p>`
          : nothing
      }`;
  }

  override render() {
    const quote = this.quote;
    if (!quote) return this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing;
    return html`<dl>
      <dt>Zwischensumme</dt>
      <dd data-testid="subtotal">${formatEuro(quote.subtotal)}</dd>
      ${quote.discounts.map(
        (d) =>
          html`<dt class="discount">${d.label}</dt>
            <dd class="discount" data-testid="discount">−${formatEuro(d.amount)}</dd>`,
      )}
      ${this.renderShipping(quote)}
      <dt class="grand">Gesamtsumme</dt>
      <dd class="grand" data-testid="cart-total">${formatEuro(quote.total)}</dd>
      ${quote.vat.map(
        (row) =>
          html`<dt class="vat">inkl. ${row.rate} % MwSt.</dt>
            <dd class="vat">${formatEuro(row.tax)}</dd>`,
      )}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-order-summary': ShopOrderSummary;
  }
}
