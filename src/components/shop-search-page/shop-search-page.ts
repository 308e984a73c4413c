import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { searchContext } from '../../context/search.js';
import { SearchUnavailable, type SearchAnswer, type SearchService } from '../../services/search.js';
import type { SearchOptions, SearchSort } from '../../wasm/search-types.js';
import { formatEuro } from '../../domain/money.js';
import { NavigateEvent } from '../../events/navigate.js';
import { markedText } from '../shop-search-box/marked-text.js';
import { searchPageHref } from '../shop-search-box/shop-search-box.js';
import { searchPageStyles } from './shop-search-page.styles.js';
import { dataImages, productImage } from '../shop-image/product-image.js';
import { facetFieldset } from './facet-fieldset.js';
import '../shop-rating/shop-rating.js';

const PAGE = 24;
const SORT_LABELS: Record<SearchSort, string> = {
  relevance: 'Relevanz',
  'price-up': 'Preis aufsteigend',
  'price-down': 'Preis absteigend',
  rating: 'Beste Bewertung',
};

interface Filters {
  category?: string;
  brand?: string;
  /** Whole euros as typed; empty: no bound. */
  minEuro: string;
  maxEuro: string;
  inStockOnly: boolean;
}

const noFilters = (): Filters => ({ minEuro: '', maxEuro: '', inStockOnly: false });

const euroToCents = (text: string): number | undefined => {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) || value < 0 ? undefined : Math.round(value * 100);
};

/**
 * The full results of `/search?q=`: facets with counts (category, brand, price, in stock),
 * filters, sort, and "Meinten Sie …?" when a word was not found as typed.
 *
 * @summary Search results page.
 * @fires shop-navigate - When the shopper follows the "did you mean" suggestion.
 */
@customElement('shop-search-page')
export class ShopSearchPage extends LitElement {
  static override styles = searchPageStyles;

  @consume({ context: searchContext, subscribe: true })
  @state()
  private search?: SearchService;

  @state() private filters: Filters = noFilters();
  @state() private sort: SearchSort = 'relevance';
  @state() private shown = PAGE;
  /** The newest answer shown; kept while the next one is on its way, so nothing flickers. */
  @state() private result: SearchAnswer | undefined;
  @state() private failure: string | undefined;
  /** Numbers the requests: only the newest one's answer is shown. */
  private asked = 0;
  private pending: Promise<void> = Promise.resolve();
  /** On a phone the facets start folded away, so the results come first. */
  private readonly wide = matchMedia('(min-width: 721px)').matches;

  /** The query from the URL. */
  @property() query = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('query')) {
      this.filters = noFilters();
      this.shown = PAGE;
    }
    const asks = ['query', 'search', 'filters', 'sort', 'shown'] as const;
    if (asks.some((key) => changed.has(key))) this.ask();
  }

  /** Resolves once the answer to the newest request is shown (tests). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let pending;
    do {
      pending = this.pending;
      await pending;
    } while (pending !== this.pending);
    return super.getUpdateComplete();
  }

  private ask(): void {
    const asked = ++this.asked;
    const query = this.query.trim();
    const service = this.search;
    if (query === '' || !service) {
      this.result = undefined;
      this.failure = undefined;
      return;
    }
    this.pending = service.search(query, this.options()).then(
      (result) => {
        if (asked !== this.asked) return; // a newer request is on its way
        this.result = result;
        this.failure = undefined;
      },
      (error: unknown) => {
        if (asked !== this.asked) return;
        if (!(error instanceof SearchUnavailable)) console.error(error);
        this.result = undefined;
        this.failure = error instanceof SearchUnavailable ? error.message : 'Die Suche ist gerade nicht verfügbar.';
      },
    );
  }

  private options(): SearchOptions {
    const { category, brand, minEuro, maxEuro, inStockOnly } = this.filters;
    return {
      category,
      brand,
      minPrice: euroToCents(minEuro),
      maxPrice: euroToCents(maxEuro),
      inStockOnly,
      sort: this.sort,
      limit: this.shown,
      // the last word stays a prefix, so the page lists what the suggestions promised
    };
  }

  private setFilter(change: Partial<Filters>): void {
    this.filters = { ...this.filters, ...change };
    this.shown = PAGE;
  }

  private follow(event: Event, query: string): void {
    event.preventDefault();
    this.dispatchEvent(new NavigateEvent(searchPageHref(query)));
  }

  private categoryName(id: string): string {
    return this.search?.categoryName(id) ?? id;
  }

  private renderFacets(result: SearchAnswer) {
    const { filters } = this;
    const { facets } = result;
    return html`<aside aria-label="Filter">
      <details class="filters" ?open=${this.wide}>
        <summary>Filter</summary>
        ${facetFieldset({
          legend: 'Kategorie',
          name: 'category',
          chosen: filters.category,
          counts: facets.categories,
          label: (id) => this.categoryName(id),
          choose: (category) => this.setFilter({ category }),
        })}
        ${facetFieldset({
          legend: 'Marke',
          name: 'brand',
          chosen: filters.brand,
          counts: facets.brands,
          label: (brand) => brand,
          choose: (brand) => this.setFilter({ brand }),
        })}
        <fieldset>
          <legend>Preis in €</legend>
          <div class="price-range">
            <label
              >von
              <input
                type="number"
                min="0"
                inputmode="decimal"
                .value=${filters.minEuro}
                placeholder=${String(Math.floor(facets.price.min / 100))}
                @change=${(e: Event) => this.setFilter({ minEuro: (e.target as HTMLInputElement).value })}
            /></label>
            <label
              >bis
              <input
                type="number"
                min="0"
                inputmode="decimal"
                .value=${filters.maxEuro}
                placeholder=${String(Math.ceil(facets.price.max / 100))}
                @change=${(e: Event) => this.setFilter({ maxEuro: (e.target as HTMLInputElement).value })}
            /></label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Verfügbarkeit</legend>
          <label
            ><input
              type="checkbox"
              .checked=${filters.inStockOnly}
              @change=${(e: Event) => this.setFilter({ inStockOnly: (e.target as HTMLInputElement).checked })}
            />
            Nur lieferbare <span class="count">(${facets.inStock})</span></label
          >
        </fieldset>
      </details>
    </aside>`;
  }

  private renderHits(result: SearchAnswer) {
    return html`<ol aria-label="Suchergebnisse">
        ${result.hits.map(({ card, highlights }, i) => {
          return html`<li>
            ${productImage(dataImages, card.image, { priority: i < 4 })}
            <div class="body">
              <span class="brand">${markedText(card.brand, highlights.brand)}</span>
              <h2><a href=${`/p/${card.slug}`}>${markedText(card.title, highlights.title)}</a></h2>
              <shop-rating .value=${card.rating} .count=${card.ratingCount}></shop-rating>
              <span class="price">${formatEuro(card.price)}</span>
            </div>
          </li>`;
        })}
      </ol>
      ${
        result.total > result.hits.length
          ? html`<p class="more">
              <button class="button secondary" @click=${() => (this.shown += PAGE)}>Weitere Treffer anzeigen</button>
            </p>`
          : nothing
      }`;
  }

  override render() {
    const query = this.query.trim();
    if (query === '')
      return html`<h1>Suche</h1>
        <p class="note">Bitte geben Sie oben einen Suchbegriff ein.</p>`;
    if (this.failure)
      return html`<h1>Suche</h1>
        <p class="note" role="alert">${this.failure}</p>`;
    const result = this.result;
    if (!result)
      return html`<h1>Suche</h1>
        <p class="note" role="status">Die Suche wird geladen …</p>`;
    const suggestion = result.exact ? undefined : result.suggestion;
    return html`<h1>Suchergebnisse für „${result.query}“</h1>
      ${
        suggestion
          ? html`<p class="did-you-mean">
              Meinten Sie
              <a href=${searchPageHref(suggestion)} @click=${(e: Event) => this.follow(e, suggestion)}
                >„${suggestion}“</a
              >?
            </p>`
          : nothing
      }
      <p class="summary" role="status">
        ${result.total === 0 ? 'Keine Treffer.' : result.total === 1 ? '1 Treffer' : `${result.total} Treffer`}
        ${result.partial && result.total > 0 ? ' – kein Artikel enthält alle Wörter; hier die besten Teiltreffer.' : ''}
      </p>
      <div class="layout">
        ${this.renderFacets(result)}
        <section>
          <div class="toolbar">
            <label
              >Sortieren nach
              <select @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as SearchSort)}>
                ${(Object.keys(SORT_LABELS) as SearchSort[]).map(
                  (key) => html`<option value=${key} ?selected=${key === this.sort}>${SORT_LABELS[key]}</option>`,
                )}
              </select>
            </label>
          </div>
          ${this.renderHits(result)}
        </section>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-search-page': ShopSearchPage;
  }
}
