import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ProductCard } from '../../domain/product-card.js';
import { nextTask } from '../../services/next-task.js';
import '../shop-product-card/shop-product-card.js';

/**
 * Cards whose image may be the page's largest paint: a first row on a wide screen. Each of them
 * loads eagerly at high priority only if it is in the first viewport (`<shop-image priority>`).
 */
const EAGER_IMAGES = 6;

/** Cards made in the first frame (two screens on a phone); the rest follow in batches of this size. */
const BATCH = 6;

/**
 * A responsive grid of product cards.
 *
 * @summary Product grid.
 */
@customElement('shop-product-grid')
export class ShopProductGrid extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: clamp(10px, 2vw, 20px);
      grid-template-columns: repeat(auto-fill, minmax(min(44vw, 220px), 1fr));
    }
  `;

  @property({ attribute: false }) products: ProductCard[] = [];
  @property() label = 'Produkte';

  /** How many of `products` have their card: grows by BATCH per task until all have one. */
  @state() private made = BATCH;
  #growing = false;

  /**
   * The first cards are made in a task of their own, after the page around them: on a phone a page's
   * header and its first cards each take tens of milliseconds to render, too long for one task.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  protected override updated(): void {
    if (this.made < this.products.length && !this.#growing) void this.#grow();
  }

  async #grow(): Promise<void> {
    this.#growing = true;
    try {
      while (this.isConnected && this.made < this.products.length) {
        // The browser paints and answers input before the next batch: no long task while a grid fills.
        await nextTask();
        this.made += BATCH;
        await this.updateComplete;
      }
    } finally {
      this.#growing = false;
    }
  }

  override render() {
    return html`<ul aria-label=${this.label}>
      ${repeat(
        this.products.slice(0, this.made),
        (p) => p.id,
        (p, i) => html`<li><shop-product-card .product=${p} ?priority=${i < EAGER_IMAGES}></shop-product-card></li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-product-grid': ShopProductGrid;
  }
}
