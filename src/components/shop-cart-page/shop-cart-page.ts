import { LitElement, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { lineKey, type CartLine } from '../../domain/cart.js';
import { formatEuro } from '../../domain/money.js';
import type { QuoteLine } from '../../domain/quote.js';
import { CartController } from '../../controllers/cart-controller.js';
import { cartPriceChanges } from '../../services/catalog-updates.js';
import { renderPriceChanges } from '../shop-order-confirmation/price-changes.js';
import type { CouponChangeEvent } from '../../events/coupon-change.js';
import type { QuantityChangeEvent } from '../../events/quantity-change.js';
import { sharedStyles } from '../../styles/shared.js';
import { cartPageStyles } from './shop-cart-page.styles.js';
import { dataImages, productImage } from '../shop-image/product-image.js';
import { listingLookup } from '../../services/cart-products.js';
import '../shop-quantity-input/shop-quantity-input.js';
import '../shop-stock-state/shop-stock-state.js';
import '../shop-order-summary/shop-order-summary.js';
import '../shop-coupon-field/shop-coupon-field.js';

/**
 * The cart: each line with its quantity stepper and price, then the totals.
 *
 * @summary Cart page.
 */
@customElement('shop-cart-page')
export class ShopCartPage extends LitElement {
  static override styles = [sharedStyles, cartPageStyles];

  private readonly cart = new CartController(this);

  readonly #onPriceChange = (): void => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    cartPriceChanges.addEventListener('change', this.#onPriceChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cartPriceChanges.removeEventListener('change', this.#onPriceChange);
  }

  protected override firstUpdated(): void {
    // The checkout (with its form's schemas) is the next step: fetched in idle time, so it opens offline.
    const whenIdle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
    whenIdle(() => {
      import('../shop-checkout-page/shop-checkout-page.js').catch((error: unknown) =>
        console.warn('Laden: the checkout could not be loaded ahead', error),
      );
    });
  }

  private setQuantity(line: CartLine, quantity: number): void {
    void this.cart.service?.setQuantity(lineKey(line), quantity);
  }

  private renderLine(line: CartLine, priced: QuoteLine | undefined, problem: string | undefined) {
    const product = listingLookup(this.cart.listing).product(line.productId);
    // Its card or details are on their way (the listing loads them; the page renders again).
    if (!product) return html`<li class="line loading" aria-busy="true">Artikel wird geladen …</li>`;
    const variant = product.variants?.find((v) => v.id === line.variantId);
    const image = product.images[0];
    return html`<li class="line">
      ${image ? productImage(dataImages, image, { alt: '', class: 'thumb' }) : html`<span class="thumb"></span>`}
      <div class="info">
        <a class="title" href=${`/p/${product.slug}`}>${product.title}</a>
        ${variant ? html`<span class="variant">${variant.title}</span>` : nothing}
        ${priced ? html`<span class="unit">${formatEuro(priced.unitPrice)} / Stück</span>` : nothing}
        <shop-stock-state
          .stock=${variant?.stock ?? product.stock}
          product-id=${product.id}
          variant-id=${variant?.id ?? ''}
        ></shop-stock-state>
        ${problem ? html`<span class="problem" role="alert">${problem}</span>` : nothing}
      </div>
      <div class="controls">
        <shop-quantity-input
          .value=${line.quantity}
          label=${`Menge für ${product.title}`}
          @shop-quantity-change=${(e: QuantityChangeEvent) => this.setQuantity(line, e.quantity)}
        ></shop-quantity-input>
        <button type="button" class="remove" @click=${() => this.setQuantity(line, 0)}>
          Entfernen<span class="visually-hidden">: ${product.title}</span>
        </button>
      </div>
      <span class="total">
        ${priced && priced.discount > 0 ? html`<s class="list">${formatEuro(priced.listTotal)}</s>` : nothing}
        ${priced ? formatEuro(priced.total) : ''}
      </span>
    </li>`;
  }

  private changeCoupon(event: CouponChangeEvent): void {
    const service = this.cart.service;
    void (event.action === 'apply' ? service?.applyCoupon(event.code) : service?.removeCoupon(event.code));
  }

  private renderSummary() {
    const quote = this.cart.quote;
    const problem = this.cart.problem ?? '';
    return html`<aside class="summary" aria-label="Summe">
      <shop-order-summary .quote=${quote} problem=${problem}></shop-order-summary>
      <shop-coupon-field
        .coupons=${quote?.coupons ?? []}
        @shop-coupon-change=${(e: CouponChangeEvent) => this.changeCoupon(e)}
      ></shop-coupon-field>
      <a class="button checkout" href="/checkout">Zur Kasse</a>
    </aside>`;
  }

  /** A newer catalog changed what the cart costs: the same table the checkout shows for a refused order. */
  private renderPriceChanges() {
    const change = cartPriceChanges.change;
    if (!change) return nothing;
    return html`<section class="price-changes" aria-label="Preisänderungen" data-testid="cart-price-changes">
      <p role="status">Seit Sie die Artikel in den Warenkorb gelegt haben, haben sich Preise geändert.</p>
      ${renderPriceChanges(change.seen, change.now, listingLookup(this.cart.listing))}
      <button type="button" class="button secondary" @click=${() => cartPriceChanges.set(undefined)}>Verstanden</button>
    </section>`;
  }

  override render() {
    const cart = this.cart.cart;
    if (cart.lines.length === 0) {
      return html`<div class="page">
        <h1>Warenkorb</h1>
        <p class="empty">Ihr Warenkorb ist leer.</p>
        <a class="button" href="/">Weiter einkaufen</a>
      </div>`;
    }
    const quote = this.cart.quote;
    const priced = new Map(quote?.lines.map((l) => [lineKey(l), l]));
    // The quote refers to a refused line by its position in the cart.
    const problems = new Map(quote?.errors.map((e) => [e.line, e.message.replace(/^Position \d+: /, '')]));
    return html`<div class="page">
      <h1>Warenkorb</h1>
      ${this.renderPriceChanges()}
      <div class="layout">
        <ul class="lines" aria-label="Artikel im Warenkorb">
          ${repeat(
            cart.lines,
            (l) => lineKey(l),
            (l, i) => this.renderLine(l, priced.get(lineKey(l)), problems.get(i)),
          )}
        </ul>
        ${this.renderSummary()}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-cart-page': ShopCartPage;
  }
}
