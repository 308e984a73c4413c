import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { cartContext } from '../../context/cart.js';
import { ListingController } from '../../controllers/listing-controller.js';
import { listingLookup } from '../../services/cart-products.js';
import { orderContext } from '../../context/orders.js';
import { ORDER_ERRORS, PAYMENT_LABELS, type OpenOrder, type ShopOrder } from '../../domain/order.js';
import type { Quote } from '../../domain/quote.js';
import { OutboxController } from '../../controllers/outbox-controller.js';
import { OrderStatusController } from '../../controllers/order-status-controller.js';
import { NavigateEvent } from '../../events/navigate.js';
import type { CartService } from '../../services/cart-service.js';
import type { OrderService } from '../../services/order-service.js';
import { sharedStyles } from '../../styles/shared.js';
import { SHIPPING_LABELS, renderLines } from '../shop-checkout-page/order-breakdown.js';
import { orderStyles } from '../shop-checkout-page/order-styles.js';
import { orderName, stateLabel } from '../shop-orders-page/order-state.js';
import { renderFulfilment } from '../shop-orders-page/order-fulfilment.js';
import { renderPriceChanges } from './price-changes.js';
import { orderConfirmationStyles } from './shop-order-confirmation.styles.js';
import '../shop-order-summary/shop-order-summary.js';
import '../shop-stock-shortage/shop-stock-shortage.js';

/** An ordered quote: "Noch … bis zum kostenlosen Versand" no longer helps anyone. */
const placed = (quote: Quote): Quote => ({
  ...quote,
  shipping: { ...quote.shipping, remainingForFree: undefined },
});

/** Confirmed and not yet moved on by the shop: once it is on its way, the page is named by its number. */
const justConfirmed = (order: ShopOrder): boolean =>
  order.state === 'confirmed' && (order.fulfilment?.state ?? 'confirmed') === 'confirmed';

/** A confirmed order keeps no address on the device (src/domain/confirmed-order.ts): say where it is. */
const renderAddress = (order: ShopOrder) => {
  if (order.state === 'confirmed') {
    return html`<p data-testid="address-notice">
      Die Lieferadresse steht in Ihrer Bestätigungs-E-Mail. Auf diesem Gerät bleibt sie nach der Bestätigung nicht
      gespeichert.
    </p>`;
  }
  const a = order.request.shippingAddress;
  return html`<p>
    ${a.firstName} ${a.lastName}, ${a.street}${a.extra ? `, ${a.extra}` : ''}, ${a.postalCode} ${a.city}
  </p>`;
};

/**
 * One order of this device: the confirmation with its number once the server stored it; "stored,
 * will be sent" before that; for a rejected order the reason, what changed in price, and the ways on
 * (order again at the new price, or review the cart with its articles back in it).
 *
 * @summary Order confirmation and status.
 * @fires shop-navigate - To the new order or the cart.
 */
@customElement('shop-order-confirmation')
export class ShopOrderConfirmation extends LitElement {
  static override styles = [sharedStyles, orderStyles, orderConfirmationStyles];

  private readonly outbox = new OutboxController(this);
  private readonly status = new OrderStatusController(this, this.outbox);

  /** The ordered products' titles, as far as the listing has them on this device. */
  private readonly listing = new ListingController(this);

  @consume({ context: cartContext, subscribe: true })
  private cartService?: CartService;

  @consume({ context: orderContext, subscribe: true })
  private orders?: OrderService;

  @query('h1') private heading?: HTMLElement;
  @state() private busy = false;
  @state() private error = '';

  /** The order's Idempotency-Key (the outbox key): pending orders have no server number yet. */
  @property() key = '';

  override firstUpdated(): void {
    this.heading?.focus();
  }

  private async orderAgain(order: OpenOrder): Promise<void> {
    const quote = order.problem?.quote;
    if (!quote || !this.orders || this.busy) return;
    this.busy = true;
    try {
      const again = await this.orders.reorder(order, quote);
      this.dispatchEvent(new NavigateEvent(`/orders/${again.key}`));
    } catch (error) {
      console.error(error);
      this.error = 'Die Bestellung konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.';
    } finally {
      this.busy = false;
    }
  }

  private async reviewCart(order: OpenOrder): Promise<void> {
    if (!this.cartService || !this.orders || this.busy) return;
    this.busy = true;
    try {
      if (order.resolution?.action !== 'returned-to-cart') {
        for (const line of order.request.cart.lines) await this.cartService.add(line);
        await this.orders.returnedToCart(order);
      }
      this.dispatchEvent(new NavigateEvent('/cart'));
    } catch (error) {
      console.error(error);
      this.error = 'Die Artikel konnten nicht in den Warenkorb gelegt werden.';
    } finally {
      this.busy = false;
    }
  }

  private renderRejected(order: OpenOrder) {
    const problem = order.problem;
    const newQuote = problem?.error === ORDER_ERRORS.priceChanged ? problem.quote : undefined;
    const reordered = order.resolution?.action === 'reordered' ? order.resolution.key : undefined;
    return html`<section class="card problem" aria-labelledby="why">
      <h2 id="why">Ihre Bestellung wurde nicht angenommen</h2>
      <p data-testid="rejection-reason">${problem?.message ?? 'Der Server hat die Bestellung abgelehnt.'}</p>
      ${newQuote ? renderPriceChanges(order.quote, newQuote, listingLookup(this.listing.store)) : nothing}
      ${
        problem?.error === ORDER_ERRORS.outOfStock && !reordered
          ? html`<shop-stock-shortage .order=${order}></shop-stock-shortage>`
          : nothing
      }
      ${
        reordered
          ? html`<p><a href=${`/orders/${reordered}`}>Zur neuen Bestellung</a></p>`
          : html`<div class="actions">
              ${
                newQuote && newQuote.errors.length === 0
                  ? html`<button class="button" ?disabled=${this.busy} @click=${() => this.orderAgain(order)}>
                      Zum neuen Preis zahlungspflichtig bestellen
                    </button>`
                  : nothing
              }
              <button class="button secondary" ?disabled=${this.busy} @click=${() => this.reviewCart(order)}>
                Warenkorb prüfen
              </button>
            </div>`
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  private renderOrder(order: ShopOrder) {
    const quote = order.order?.quote ?? order.quote;
    const { payment, cart } = order.request;
    return html`<div data-state=${order.state}>
      <p class="status" role="status" data-testid="order-state">${stateLabel(order, this.outbox.online)}</p>
      ${order.fulfilment ? html`<p>${renderFulfilment(order, this.outbox.online)}</p>` : nothing}
      ${
        order.state === 'confirmed'
          ? html`<p>Vielen Dank für Ihre Bestellung! Ihre Bestellnummer:</p>
              <p class="number" data-testid="order-number">${order.order.id}</p>
              <p data-testid="mail-notice">
                Die Bestellbestätigung senden wir per E-Mail an die Adresse, die Sie angegeben haben.
              </p>`
          : nothing
      }
      ${
        order.state === 'pending' || order.state === 'sent'
          ? html`<p>
                Ihre Bestellung ist auf diesem Gerät gespeichert und wird gesendet, bis der Shop sie bestätigt.
                ${order.lastError && this.outbox.online ? html`<br />Letzter Versuch: ${order.lastError}` : nothing}
              </p>
              <p data-testid="mail-notice">
                Die Bestellbestätigung per E-Mail an <strong>${order.request.contact.email}</strong> folgt, sobald die
                Bestellung beim Shop angekommen ist.
              </p>`
          : nothing
      }
      ${order.state === 'rejected' ? this.renderRejected(order) : nothing}
      <section class="card" aria-labelledby="ordered">
        <h2 id="ordered">Bestellte Artikel</h2>
        ${renderLines(quote, listingLookup(this.listing.store))}
        <shop-order-summary .quote=${placed(quote)}></shop-order-summary>
      </section>
      <section class="card" aria-labelledby="delivery">
        <h2 id="delivery">Lieferung und Zahlung</h2>
        ${renderAddress(order)}
        <p>${SHIPPING_LABELS[cart.shipping]} · Zahlung per ${PAYMENT_LABELS[payment]}</p>
      </section>
      <a href="/orders">Alle Bestellungen</a>
    </div>`;
  }

  override render() {
    const order = this.outbox.order(this.key);
    if (!this.outbox.orders) return html`<section class="page"><h1 tabindex="-1">Bestellung</h1></section>`;
    if (!order) {
      return html`<section class="page">
        <h1 tabindex="-1">Bestellung nicht gefunden</h1>
        <p>Auf diesem Gerät gibt es diese Bestellung nicht.</p>
        <a class="button" href="/orders">Meine Bestellungen</a>
      </section>`;
    }
    return html`<section class="page">
      <h1 tabindex="-1">${justConfirmed(order) ? 'Bestellung bestätigt' : orderName(order)}</h1>
      ${this.renderOrder(order)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-order-confirmation': ShopOrderConfirmation;
  }
}
