import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ListingController } from '../../controllers/listing-controller.js';
import type { ProductCard } from '../../domain/product-card.js';
import { sharedStyles } from '../../styles/shared.js';
import '../shop-product-grid/shop-product-grid.js';
import '../shop-not-found/shop-not-found.js';

const PAGE_SIZE = 24;

type Compare = (a: ProductCard, b: ProductCard) => number;

/** `undefined`: the listing's own order, in which the shards are cut (no sorting, no other shard needed). */
const SORTS: Record<string, { label: string; compare: Compare | undefined }> = {
  popular: { label: 'Beliebtheit', compare: undefined },
  'price-asc': { label: 'Preis aufsteigend', compare: (a, b) => a.price - b.price },
  'price-desc': { label: 'Preis absteigend', compare: (a, b) => b.price - a.price },
  rating: { label: 'Bewertung', compare: (a, b) => b.rating - a.rating },
};
type SortKey = keyof typeof SORTS;

/**
 * All products of one category, sortable, shown a page at a time.
 *
 * @summary Category page.
 */
@customElement('shop-category-page')
export class ShopCategoryPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        justify-content: space-between;
        gap: 12px;
        margin-bottom: 18px;
      }
      .head p {
        margin: 0;
        color: var(--shop-muted);
        max-width: 60ch;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        font-size: 0.9rem;
      }
      select {
        min-height: 40px;
        padding: 0 10px;
        border-radius: var(--shop-radius-small);
        border: 1px solid var(--shop-border);
        background: var(--shop-surface);
        font: inherit;
      }
      .more {
        display: flex;
        justify-content: center;
        margin-top: 24px;
      }
    `,
  ];

  /** Renders again as the category's shards arrive. */
  private readonly listing = new ListingController(this);

  @state() private sort: SortKey = 'popular';
  @state() private shown = PAGE_SIZE;

  /** Category slug from the URL. */
  @property() slug = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('slug')) this.shown = PAGE_SIZE;
  }

  private onSort(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value as SortKey;
  }

  private renderState(complete: boolean, failed: boolean) {
    if (complete) return nothing;
    return failed
      ? html`<p class="status" role="status">Diese Produkte sind offline noch nicht verfügbar.</p>`
      : html`<p class="status" role="status">Produkte werden geladen …</p>`;
  }

  override render() {
    const catalog = this.listing.store;
    if (!catalog) return nothing;
    const category = catalog.category(this.slug);
    if (!category) return html`<shop-not-found heading="Kategorie nicht gefunden"></shop-not-found>`;
    const compare = SORTS[this.sort]?.compare;
    // The default order needs only the shards up to what is shown; another order needs them all.
    const { cards, complete, failed } = catalog.cardsIn(category.id, compare ? Infinity : this.shown);
    const shown = compare ? (complete ? [...cards].sort(compare) : []) : cards;
    return html`<div class="page">
      <div class="head">
        <div>
          <h1>${category.name}</h1>
          <p>${category.description} · ${category.products} Produkte</p>
        </div>
        <label
          >Sortieren nach
          <select @change=${this.onSort}>
            ${Object.entries(SORTS).map(
              ([key, s]) => html`<option value=${key} ?selected=${key === this.sort}>${s.label}</option>`,
            )}
          </select>
        </label>
      </div>
      <h2 class="visually-hidden">Produkte</h2>
      <shop-product-grid .products=${shown.slice(0, this.shown)} label=${category.name}></shop-product-grid>
      ${this.renderState(complete, failed)}
      ${
        complete && category.products > this.shown
          ? html`<div class="more">
              <button class="button secondary" @click=${() => (this.shown += PAGE_SIZE)}>
                Mehr anzeigen (${category.products - this.shown} weitere)
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-category-page': ShopCategoryPage;
  }
}
