import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SHIPPING_METHODS, type ShippingMethod } from '../../domain/cart.js';
import { formatEuro } from '../../domain/money.js';
import { PAYMENT_LABELS, PAYMENT_METHODS, type PaymentMethod } from '../../domain/order.js';
import { DeliveryChangeEvent } from '../../events/delivery-change.js';
import { sharedStyles } from '../../styles/shared.js';
import { SHIPPING_LABELS } from '../shop-checkout-page/order-breakdown.js';

/**
 * Shipping method (each with its price for this cart) and the way to pay: invoice or cash on
 * delivery. Two radio groups, so arrow keys move within each as shoppers expect.
 *
 * @summary Shipping and payment choices at the checkout.
 * @fires shop-delivery-change - When the shopper picks another method.
 */
@customElement('shop-delivery-options')
export class ShopDeliveryOptions extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 24px;
        display: grid;
        gap: 8px;
      }
      legend {
        font-weight: 700;
        font-size: 1.1rem;
        margin-bottom: 12px;
      }
      label {
        display: flex;
        gap: 12px;
        align-items: center;
        padding: 12px;
        border: 1px solid var(--shop-border);
        border-radius: var(--shop-radius-small);
        background: var(--shop-surface);
        cursor: pointer;
      }
      .price {
        margin-left: auto;
        font-variant-numeric: tabular-nums;
      }
      input {
        width: 20px;
        height: 20px;
        margin: 0;
      }
    `,
  ];

  @property() shipping: ShippingMethod = 'standard';
  @property() payment: PaymentMethod = 'invoice';
  /** What each shipping method costs for the current cart (cents); missing while prices load. */
  @property({ attribute: false }) shippingPrices: Partial<Record<ShippingMethod, number>> = {};

  private pick(shipping: ShippingMethod, payment: PaymentMethod): void {
    this.shipping = shipping;
    this.payment = payment;
    this.dispatchEvent(new DeliveryChangeEvent(shipping, payment));
  }

  override render() {
    const price = (method: ShippingMethod) => {
      const cents = this.shippingPrices[method];
      return cents === undefined ? '' : cents === 0 ? 'kostenlos' : formatEuro(cents);
    };
    return html`<fieldset>
        <legend>Versandart</legend>
        ${SHIPPING_METHODS.map(
          (method) =>
            html`<label>
              <input
                type="radio"
                name="shipping"
                .checked=${this.shipping === method}
                @change=${() => this.pick(method, this.payment)}
              />
              <span>${SHIPPING_LABELS[method]}</span>
              <span class="price">${price(method)}</span>
            </label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>Zahlungsart</legend>
        ${PAYMENT_METHODS.map(
          (method) =>
            html`<label>
              <input
                type="radio"
                name="payment"
                .checked=${this.payment === method}
                @change=${() => this.pick(this.shipping, method)}
              />
              <span>${PAYMENT_LABELS[method]}</span>
            </label>`,
        )}
      </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-delivery-options': ShopDeliveryOptions;
  }
}
