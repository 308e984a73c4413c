import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MAX_QUANTITY } from '../../domain/cart.js';
import { QuantityChangeEvent } from '../../events/quantity-change.js';
import { sharedStyles } from '../../styles/shared.js';

/**
 * A quantity stepper: minus, the number (typeable), plus.
 *
 * @summary Quantity stepper.
 * @fires shop-quantity-change - The shopper chose another quantity.
 */
@customElement('shop-quantity-input')
export class ShopQuantityInput extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-flex;
      }
      .box {
        display: inline-flex;
        align-items: center;
        border: 1px solid var(--shop-border);
        border-radius: 999px;
        background: var(--shop-surface);
      }
      button {
        width: 44px;
        height: 44px;
        border: 0;
        background: none;
        font-size: 1.25rem;
        cursor: pointer;
        border-radius: 50%;
        color: var(--shop-text);
      }
      button:disabled {
        opacity: 0.35;
        cursor: default;
      }
      input {
        width: 3.2em;
        border: 0;
        text-align: center;
        font: inherit;
        font-weight: 600;
        background: none;
        -moz-appearance: textfield;
      }
      input::-webkit-inner-spin-button {
        -webkit-appearance: none;
      }
    `,
  ];

  @property({ type: Number }) value = 1;
  @property({ type: Number }) min = 1;
  @property({ type: Number }) max = MAX_QUANTITY;
  /** Names the thing counted, for screen readers: "Menge für Kaffeemühle". */
  @property() label = 'Menge';

  private change(next: number): void {
    const clamped = Math.max(this.min, Math.min(this.max, Math.trunc(next)));
    if (!Number.isFinite(clamped) || clamped === this.value) {
      this.requestUpdate();
      return;
    }
    this.value = clamped;
    this.dispatchEvent(new QuantityChangeEvent(clamped));
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const parsed = Number.parseInt(input.value, 10);
    if (Number.isNaN(parsed)) {
      input.value = String(this.value);
      return;
    }
    this.change(parsed);
    input.value = String(this.value);
  }

  override render() {
    return html`<div class="box" role="group" aria-label=${this.label}>
      <button
        type="button"
        aria-label="Eins weniger"
        ?disabled=${this.value <= this.min}
        @click=${() => this.change(this.value - 1)}
      >
        −
      </button>
      <input
        type="number"
        inputmode="numeric"
        min=${this.min}
        max=${this.max}
        .value=${String(this.value)}
        aria-label=${this.label}
        @change=${this.onInput}
      />
      <button
        type="button"
        aria-label="Eins mehr"
        ?disabled=${this.value >= this.max}
        @click=${() => this.change(this.value + 1)}
      >
        +
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-quantity-input': ShopQuantityInput;
  }
}
