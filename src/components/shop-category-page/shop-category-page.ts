import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { catalogContext } from '../../context/catalog.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import type { Product } from '../../domain/catalog.js';
import { sharedStyles } from '../../styles/shared.js';
import '../shop-product-grid/shop-product-grid.js';
import '../shop-not-found/shop-not-found.js';

const PAGE_SIZE = 24;

const SORTS = {
  popular: { label: 'Beliebtheit', compare: (a: Product, b: Product) => b.ratingCount - a.ratingCount },
  'price-asc': { label: 'Preis aufsteigend', compare: (a: Product, b: Product) => a.price - b.price },
  'price-desc': { label: 'Preis absteigend', compare: (a: Product, b: Product) => b.price - a.price },
  rating: { label: 'Bewertung', compare: (a: Product, b: Product) => b.rating - a.rating },
} as const;
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

  @consume({ context: catalogContext, subscribe: true })
  private catalog?: CatalogIndex;

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

  override render() {
    const catalog = this.catalog;
    if (!catalog) return nothing;
    const category = catalog.category(this.slug);
    if (!category) return html`<shop-not-found heading="Kategorie nicht gefunden"></shop-not-found>`;
    const products = [...catalog.productsIn(category.id)].sort(SORTS[this.sort].compare);
    return html`<div class="page">
      <div class="head">
        <div>
          <h1>${category.name}</h1>
          <p>${category.description} · ${products.length} Produkte</p>
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
      <shop-product-grid .products=${products.slice(0, this.shown)} label=${category.name}></shop-product-grid>
      ${
        products.length > this.shown
          ? html`<div class="more">
              <button class="button secondary" @click=${() => (this.shown += PAGE_SIZE)}>
                Mehr anzeigen (${products.length - this.shown} weitere)
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
