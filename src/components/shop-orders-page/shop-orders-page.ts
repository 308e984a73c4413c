import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatEuro } from '../../domain/money.js';
import { OutboxController } from '../../controllers/outbox-controller.js';
import { OrderStatusController } from '../../controllers/order-status-controller.js';
import { sharedStyles } from '../../styles/shared.js';
import { formatOrderDate, orderName, stateLabel } from './order-state.js';
import { renderFulfilment } from './order-fulfilment.js';

/**
 * The shopper's orders on this device, newest first, each with its state: pending (stored here, to
 * be sent), sent, confirmed or rejected. Reads IndexedDB only, so it works offline.
 *
 * @summary Order history.
 */
@customElement('shop-orders-page')
export class ShopOrdersPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ol {
        list-style: none;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      li a {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 4px 16px;
        padding: 16px;
        background: var(--shop-surface);
        border-radius: var(--shop-radius);
        box-shadow: var(--shop-shadow);
        text-decoration: none;
      }
      .name {
        font-weight: 700;
      }
      .total {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .state {
        font-weight: 600;
      }
      [data-state='confirmed'] .state {
        color: var(--shop-success);
      }
      [data-state='rejected'] .state {
        color: var(--shop-sale);
      }
      [data-state='pending'] .state,
      [data-state='sent'] .state {
        color: var(--shop-warning);
      }
      .date {
        color: var(--shop-muted);
        text-align: right;
      }
      .fulfilment {
        grid-column: 1 / -1;
        color: var(--shop-muted);
        font-size: 0.875rem;
      }
    `,
  ];

  private readonly outbox = new OutboxController(this);
  private readonly status = new OrderStatusController(this, this.outbox);

  override render() {
    const orders = this.outbox.orders;
    if (this.outbox.error)
      return html`<section class="page">
        <h1>Meine Bestellungen</h1>
        <p role="alert">${this.outbox.error}</p>
      </section>`;
    if (!orders)
      return html`<section class="page">
        <h1>Meine Bestellungen</h1>
        <p role="status">Bestellungen werden geladen …</p>
      </section>`;
    return html`<section class="page">
      <h1>Meine Bestellungen</h1>
      ${
        orders.length === 0
          ? html`<p>Sie haben auf diesem Gerät noch nichts bestellt.</p>
              <a class="button" href="/">Weiter einkaufen</a>`
          : html`<ol aria-label="Bestellungen">
              ${repeat(
                orders,
                (o) => o.key,
                (o) =>
                  html`<li data-state=${o.state}>
                    <a href=${`/orders/${o.key}`}>
                      <span class="name">${orderName(o)}</span>
                      <span class="total">${formatEuro(o.order?.quote.total ?? o.quote.total)}</span>
                      <span class="state" data-testid="order-state">${stateLabel(o, this.outbox.online)}</span>
                      <span class="date">${formatOrderDate(o.createdAt)}</span>
                      ${renderFulfilment(o, this.outbox.online, { link: false })}
                    </a>
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-orders-page': ShopOrdersPage;
  }
}
