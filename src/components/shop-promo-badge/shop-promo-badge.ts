import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { pricingContext } from '../../context/pricing.js';
import type { Promotion, PromotionSubject } from '../../domain/promotions.js';
import type { PricingService } from '../../services/pricing.js';

/**
 * The promotions running now for a product ("3 für 2 auf Kaffee & Tee"), as small labels on
 * product cards and pages. Renders nothing when none applies.
 *
 * @summary Active promotion labels.
 * @csspart badge - One promotion's label.
 */
@customElement('shop-promo-badge')
export class ShopPromoBadge extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    :host([hidden]) {
      display: none;
    }
    span {
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--shop-sale);
      color: #fff;
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.5;
    }
  `;

  /** Only its rules are needed: the product's category and tags are on its card. */
  @consume({ context: pricingContext, subscribe: true })
  private pricing?: PricingService;

  @property({ attribute: false }) product?: PromotionSubject;

  #pricing: PricingService | undefined;
  #promotions: Promotion[] = [];
  readonly #onReady = () => this.requestUpdate();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pricing?.removeEventListener('change', this.#onReady);
    this.#pricing = undefined;
  }

  #service(): PricingService | undefined {
    const pricing = this.pricing;
    if (pricing !== this.#pricing) {
      this.#pricing?.removeEventListener('change', this.#onReady);
      pricing?.addEventListener('change', this.#onReady);
      this.#pricing = pricing;
    }
    return pricing;
  }

  override willUpdate(): void {
    this.#promotions = this.product ? (this.#service()?.promotionsFor(this.product) ?? []) : [];
    this.hidden = this.#promotions.length === 0;
  }

  override render() {
    if (this.#promotions.length === 0) return nothing;
    return html`${this.#promotions.map((p) => html`<span part="badge">${p.label}</span>`)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-promo-badge': ShopPromoBadge;
  }
}
