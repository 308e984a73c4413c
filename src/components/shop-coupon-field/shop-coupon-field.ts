import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Quote } from '../../domain/quote.js';
import { sharedStyles } from '../../styles/shared.js';
import { CouponChangeEvent } from '../../events/coupon-change.js';
import { couponFieldStyles } from './shop-coupon-field.styles.js';

/**
 * A coupon code field with its button, and under it each entered code with what became of it, in
 * words ("… ist am 31.08.2026 abgelaufen"), read out politely to screen readers.
 *
 * @summary Coupon code entry.
 * @fires shop-coupon-change - A code was entered or removed ({@link CouponChangeEvent}).
 */
@customElement('shop-coupon-field')
export class ShopCouponField extends LitElement {
  static override styles = [sharedStyles, couponFieldStyles];

  @query('input') private input!: HTMLInputElement;

  /** The codes in the cart and their outcome, from the quote. */
  @property({ attribute: false }) coupons: Quote['coupons'] = [];

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const code = this.input.value.trim();
    if (!code) return;
    this.dispatchEvent(new CouponChangeEvent('apply', code));
    this.input.value = '';
  }

  private removeCoupon(code: string): void {
    this.dispatchEvent(new CouponChangeEvent('remove', code));
  }

  override render() {
    return html`<form @submit=${this.submit}>
        <label for="code">Gutscheincode</label>
        <div class="row">
          <input
            id="code"
            name="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="32"
          />
          <button type="submit">Einlösen</button>
        </div>
      </form>
      <ul aria-live="polite" aria-label="Gutscheine">
        ${this.coupons.map(
          (c) =>
            html`<li class=${c.status === 'applied' ? 'applied' : 'refused'} data-status=${c.status}>
              <span class="message">${c.message}</span>
              <button type="button" class="remove" @click=${() => this.removeCoupon(c.code)}>
                Entfernen<span class="visually-hidden">: ${c.code}</span>
              </button>
            </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-coupon-field': ShopCouponField;
  }
}
