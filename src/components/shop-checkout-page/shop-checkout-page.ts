import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { orderContext } from '../../context/orders.js';
import { SHIPPING_METHODS, type Cart, type ShippingMethod } from '../../domain/cart.js';
import { PAYMENT_LABELS, type OrderRequest, type PaymentMethod } from '../../domain/order.js';
import type { Quote } from '../../domain/quote.js';
import { CartController } from '../../controllers/cart-controller.js';
import type { AddressChangeEvent } from '../../events/address-change.js';
import type { DeliveryChangeEvent } from '../../events/delivery-change.js';
import { NavigateEvent } from '../../events/navigate.js';
import type { OrderService } from '../../services/order-service.js';
import { sharedStyles } from '../../styles/shared.js';
import type { CheckoutDetails } from '../../domain/checkout-fields.js';
import { checkoutRules } from '../../services/checkout-rules.js';
import { clearDraft, readDraft, saveDraft } from './checkout-draft.js';
import type { ShopAddressForm } from '../shop-address-form/shop-address-form.js';
import { priceCart } from './checkout-quote.js';
import { listingLookup } from '../../services/cart-products.js';
import { SHIPPING_LABELS, renderLines } from './order-breakdown.js';
import { orderStyles } from './order-styles.js';
import { checkoutStyles } from './shop-checkout-page.styles.js';
import '../shop-address-form/shop-address-form.js';
import '../shop-delivery-options/shop-delivery-options.js';
import '../shop-order-summary/shop-order-summary.js';

type Step = 'details' | 'review';

/** Only the fields the order carries: a stored cart line may have grown others over versions. */
const orderCart = (cart: Cart, shipping: ShippingMethod): OrderRequest['cart'] => ({
  lines: cart.lines.map((l) => ({
    productId: l.productId,
    ...(l.variantId ? { variantId: l.variantId } : {}),
    quantity: l.quantity,
  })),
  coupons: [...cart.coupons],
  shipping,
});

/**
 * The checkout: contact and address, shipping and payment, then a review with the full breakdown and
 * the legally required "Zahlungspflichtig bestellen". Ordering stores the order in the outbox (and
 * empties the cart in the same transaction) before anything is sent, so it works offline too.
 *
 * @summary Checkout page.
 * @fires shop-navigate - To the order's page once it is stored.
 */
@customElement('shop-checkout-page')
export class ShopCheckoutPage extends LitElement {
  static override styles = [sharedStyles, orderStyles, checkoutStyles];

  private readonly cart = new CartController(this);

  @consume({ context: orderContext, subscribe: true })
  private orders?: OrderService;

  private readonly draft = readDraft();

  @query('shop-address-form') private form?: ShopAddressForm;
  @query('h1') private heading?: HTMLElement;

  @state() private step: Step = 'details';
  @state() private details: CheckoutDetails = this.draft.details;
  @state() private shipping: ShippingMethod = this.draft.shipping;
  @state() private payment: PaymentMethod = this.draft.payment;
  @state() private placing = false;
  @state() private error = '';

  override willUpdate(changed: PropertyValues<this>): void {
    const touched = ['details', 'shipping', 'payment'].some((k) => changed.has(k as keyof ShopCheckoutPage));
    if (touched && !this.placing) saveDraft({ details: this.details, shipping: this.shipping, payment: this.payment });
  }

  private quote(shipping: ShippingMethod = this.shipping): Quote | undefined {
    // Through the controller, so the page re-renders once the pricing engine is ready.
    return priceCart({ ...this.cart.cart, shipping }, this.cart);
  }

  private async go(step: Step): Promise<void> {
    this.step = step;
    this.error = '';
    await this.updateComplete;
    this.heading?.focus();
  }

  private async onContinue(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    try {
      if (await this.form?.validate()) await this.go('review');
    } catch (error) {
      console.error(error);
      this.error =
        'Ihre Angaben konnten nicht geprüft werden. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.';
    }
  }

  private async onOrder(): Promise<void> {
    const quote = this.quote();
    if (!quote || !this.orders || this.placing) return;
    if (quote.errors.length > 0) {
      this.error = quote.errors.map((e) => e.message).join(' ');
      return;
    }
    const { contact, address } = (await checkoutRules()).cleanDetails(this.details);
    const request: OrderRequest = {
      cart: orderCart(this.cart.cart, this.shipping),
      contact,
      shippingAddress: address,
      payment: this.payment,
      expectedTotal: quote.total,
    };
    this.placing = true;
    try {
      const order = await this.orders.place(request, quote);
      clearDraft();
      // The cart was emptied in the order's transaction; this re-reads it into the cart service.
      void this.cart.service?.reload();
      this.dispatchEvent(new NavigateEvent(`/orders/${order.key}`));
    } catch (error) {
      console.error(error);
      this.error =
        error instanceof Error && error.name === 'StorageFullError'
          ? error.message
          : 'Die Bestellung konnte auf diesem Gerät nicht gespeichert werden. Ihr Warenkorb ist erhalten; bitte versuchen Sie es erneut.';
    } finally {
      this.placing = false;
    }
  }

  private renderDeliveryOptions() {
    const shippingPrices = Object.fromEntries(
      SHIPPING_METHODS.flatMap((method) => {
        const price = this.quote(method)?.shipping.price;
        return price === undefined ? [] : [[method, price]];
      }),
    );
    return html`<shop-delivery-options
      shipping=${this.shipping}
      payment=${this.payment}
      .shippingPrices=${shippingPrices}
      @shop-delivery-change=${(e: DeliveryChangeEvent) => {
        this.shipping = e.shipping;
        this.payment = e.payment;
      }}
    ></shop-delivery-options>`;
  }

  private renderDetails(quote: Quote) {
    return html`<form class="layout" novalidate @submit=${this.onContinue}>
      <div>
        <shop-address-form
          .value=${this.details}
          @shop-address-change=${(e: AddressChangeEvent) => (this.details = e.details)}
        ></shop-address-form>
        ${this.renderDeliveryOptions()}
        <button class="button" type="submit">Weiter zur Übersicht</button>
      </div>
      <aside class="card" aria-label="Ihre Bestellung">
        <h2>Ihre Bestellung</h2>
        ${renderLines(quote, listingLookup(this.cart.listing))}
        <shop-order-summary .quote=${quote}></shop-order-summary>
      </aside>
    </form>`;
  }

  private renderReview(quote: Quote) {
    const { contact, address } = this.details;
    return html`<div class="layout">
      <div>
        <section class="card" aria-labelledby="review-address">
          <h2 id="review-address">Lieferadresse</h2>
          <address>
            ${address.firstName} ${address.lastName}<br />${address.street}<br />
            ${address.extra ? html`${address.extra}<br />` : nothing}${address.postalCode} ${address.city}<br />Deutschland
          </address>
          <p>${contact.email}${contact.phone ? html`<br />${contact.phone}` : nothing}</p>
          <p>${SHIPPING_LABELS[this.shipping]} · Zahlung per ${PAYMENT_LABELS[this.payment]}</p>
          <button class="button secondary" type="button" @click=${() => this.go('details')}>Angaben ändern</button>
        </section>
        <section class="card" aria-labelledby="review-lines">
          <h2 id="review-lines">Artikel</h2>
          ${renderLines(quote, listingLookup(this.cart.listing))}
          <a href="/cart">Warenkorb ändern</a>
        </section>
      </div>
      <aside class="card" aria-label="Summe">
        <shop-order-summary .quote=${quote}></shop-order-summary>
        ${
          quote.errors.length > 0
            ? html`<p class="error" role="alert">${quote.errors.map((e) => e.message).join(' ')}</p>`
            : nothing
        }
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <p class="legal">
          Mit Ihrer Bestellung erklären Sie sich mit unseren AGB und der Widerrufsbelehrung einverstanden.
        </p>
        <button
          class="button"
          type="button"
          ?disabled=${this.placing || quote.errors.length > 0}
          @click=${this.onOrder}
        >
          Zahlungspflichtig bestellen
        </button>
      </aside>
    </div>`;
  }

  override render() {
    if (this.cart.cart.lines.length === 0) {
      return html`<section class="page">
        <h1 tabindex="-1">Kasse</h1>
        <p>Ihr Warenkorb ist leer.</p>
        <a class="button" href="/">Weiter einkaufen</a>
      </section>`;
    }
    const quote = this.quote();
    if (!quote) {
      const problem = this.cart.problem;
      return html`<section class="page">
        <h1 tabindex="-1">Kasse</h1>
        ${
          problem
            ? html`<p class="error" role="alert">${problem}</p>`
            : html`<p role="status">Preise werden berechnet …</p>`
        }
      </section>`;
    }
    return html`<section class="page">
      <h1 tabindex="-1">${this.step === 'details' ? 'Kasse' : 'Bestellung prüfen'}</h1>
      <ol class="steps">
        <li aria-current=${this.step === 'details' ? 'step' : 'false'}>1. Angaben</li>
        <li aria-current=${this.step === 'review' ? 'step' : 'false'}>2. Prüfen und bestellen</li>
      </ol>
      ${this.step === 'details' ? this.renderDetails(quote) : this.renderReview(quote)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-checkout-page': ShopCheckoutPage;
  }
}
