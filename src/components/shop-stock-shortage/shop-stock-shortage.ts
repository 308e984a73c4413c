import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { orderContext } from '../../context/orders.js';
import type { OpenOrder, OrderRequest } from '../../domain/order.js';
import type { Quote } from '../../domain/quote.js';
import { reduceToAvailable } from '../../domain/stock.js';
import { NavigateEvent } from '../../events/navigate.js';
import type { OrderService } from '../../services/order-service.js';
import { CartController } from '../../controllers/cart-controller.js';
import { listingLookup } from '../../services/cart-products.js';
import { stockService } from '../../services/stock-service.js';
import { sharedStyles } from '../../styles/shared.js';
import { lineTitle, renderLines } from '../shop-checkout-page/order-breakdown.js';
import { orderStyles } from '../shop-checkout-page/order-styles.js';
import '../shop-order-summary/shop-order-summary.js';

/**
 * A refused order's "not enough in stock" (409 `out-of-stock`): each short article with what was
 * ordered and what is there, one button that cuts the order down to that, and then the reduced order
 * with its new total to order again. Shown the same whether the order was refused at once or when a
 * device sent it later.
 *
 * @summary Out-of-stock notice with "reduce and order again".
 * @fires shop-navigate - To the new, reduced order once it is stored.
 */
@customElement('shop-stock-shortage')
export class ShopStockShortage extends LitElement {
  static override styles = [
    sharedStyles,
    orderStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        margin: 8px 0 16px;
      }
      th,
      td {
        text-align: left;
        padding: 6px 8px 6px 0;
        border-bottom: 1px solid var(--shop-border);
      }
      td {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
    `,
  ];

  /** The pricing and the listing (titles, the reduced order's products), as the cart page has them. */
  private readonly cart = new CartController(this);

  @consume({ context: orderContext })
  private orders?: OrderService;

  /** The refused order; its `problem.lines` name the short articles. */
  @property({ attribute: false }) order?: OpenOrder;

  @state() private reduced?: { request: OrderRequest; quote: Quote | undefined };
  @state() private busy = false;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // What is there has just changed: the product pages should say so too.
    void stockService.refresh();
  }

  private async reduce(): Promise<void> {
    const order = this.order;
    const shortages = order?.problem?.lines;
    if (!order || !shortages) return;
    this.error = '';
    const lines = reduceToAvailable(order.request.cart.lines, shortages);
    const cart = { ...order.request.cart, lines };
    const quote = await this.cart.priceWhenReady(cart);
    this.reduced = { request: { ...order.request, cart, expectedTotal: quote?.total ?? 0 }, quote };
    if (!quote) this.error = this.cart.problem ?? 'Die Preise können gerade nicht berechnet werden.';
  }

  private async orderReduced(): Promise<void> {
    const order = this.order;
    const quote = this.reduced?.quote;
    if (!order || !this.reduced || !quote || !this.orders || this.busy) return;
    this.busy = true;
    try {
      const again = await this.orders.reorder(order, quote, this.reduced.request);
      this.dispatchEvent(new NavigateEvent(`/orders/${again.key}`));
    } catch (error) {
      console.error(error);
      this.error = 'Die Bestellung konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.';
    } finally {
      this.busy = false;
    }
  }

  private renderReduced(reduced: { request: OrderRequest; quote: Quote | undefined }) {
    const quote = reduced.quote;
    if (reduced.request.cart.lines.length === 0) {
      return html`<p role="status">Leider ist keiner der Artikel mehr verfügbar.</p>`;
    }
    if (!quote) return nothing;
    return html`<section aria-labelledby="reduced" data-testid="reduced-order">
      <h3 id="reduced">Ihre Bestellung mit den verfügbaren Mengen</h3>
      ${renderLines(quote, listingLookup(this.cart.listing))}
      <shop-order-summary .quote=${quote}></shop-order-summary>
      ${
        quote.errors.length > 0
          ? html`<p class="error" role="alert">${quote.errors.map((e) => e.message).join(' ')}</p>`
          : html`<button class="button" ?disabled=${this.busy} @click=${this.orderReduced}>
              Zahlungspflichtig bestellen
            </button>`
      }
    </section>`;
  }

  override render() {
    const shortages = this.order?.problem?.lines ?? [];
    return html`<table data-testid="stock-shortage">
        <caption class="visually-hidden">
          Nicht genug auf Lager
        </caption>
        <thead>
          <tr>
            <th scope="col">Artikel</th>
            <th scope="col">Bestellt</th>
            <th scope="col">Verfügbar</th>
          </tr>
        </thead>
        <tbody>
          ${shortages.map(
            (s) =>
              html`<tr>
                <th scope="row">${lineTitle(s, listingLookup(this.cart.listing))}</th>
                <td>${s.requested}</td>
                <td>${s.available}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        this.reduced
          ? this.renderReduced(this.reduced)
          : html`<div class="actions">
              <button class="button" @click=${this.reduce}>Auf verfügbare Mengen reduzieren</button>
            </div>`
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-stock-shortage': ShopStockShortage;
  }
}
