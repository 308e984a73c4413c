import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { searchContext } from '../../context/search.js';
import type { SearchService } from '../../services/search.js';
import type { SearchHit } from '../../wasm/search.js';
import { formatEuro } from '../../domain/money.js';
import { NavigateEvent } from '../../events/navigate.js';
import { markedText } from './marked-text.js';
import { searchBoxStyles } from './shop-search-box.styles.js';
import { productImage } from '../shop-image/product-image.js';
import { catalogContext } from '../../context/catalog.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';

const SUGGESTIONS = 6;

/** Where Enter on the field (not on a suggestion) goes. */
export const searchPageHref = (query: string): string => `/search?q=${encodeURIComponent(query.trim())}`;

/**
 * The search field in the header: an ARIA combobox whose suggestions (thumbnail, title with the
 * match marked, price) follow every keystroke. Arrows move through them, Enter opens the chosen
 * product or the full results, Escape closes the list (and a second Escape clears the field).
 *
 * @summary Search field with suggestions.
 * @fires shop-navigate - When the shopper chooses a suggestion or submits a query.
 */
@customElement('shop-search-box')
export class ShopSearchBox extends LitElement {
  static override styles = searchBoxStyles;

  @query('input') private input!: HTMLInputElement;

  @consume({ context: searchContext, subscribe: true })
  @state()
  private search?: SearchService;

  @consume({ context: catalogContext, subscribe: true })
  @state()
  private catalog?: CatalogIndex;

  @state() private text = '';
  @state() private hits: SearchHit[] = [];
  @state() private total = 0;
  @state() private open = false;
  /** Index of the highlighted suggestion; -1: none (the field itself). */
  @state() private active = -1;
  private focused = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const q = new URLSearchParams(location.search).get('q');
    if (location.pathname === '/search' && q) this.text = q;
  }

  private async suggest(): Promise<void> {
    const service = this.search;
    const text = this.text;
    if (!service || text.trim() === '') {
      this.hits = [];
      this.open = false;
      return;
    }
    let result = service.search(text, { limit: SUGGESTIONS });
    if (!result) {
      await service.ready;
      if (text !== this.text) return; // the shopper typed on meanwhile; that keystroke asks again
      result = service.search(text, { limit: SUGGESTIONS });
    }
    this.hits = result?.hits ?? [];
    this.total = result?.total ?? 0;
    this.active = -1;
    this.open = this.focused;
  }

  private readonly onInput = (event: InputEvent): void => {
    this.text = (event.target as HTMLInputElement).value;
    void this.suggest();
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const count = this.hits.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open) {
          this.open = count > 0;
          return;
        }
        this.active = count === 0 ? -1 : (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count > 0 && this.open) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Escape':
        // a search field clears itself on Escape; the first Escape only closes the list
        event.preventDefault();
        if (this.open) {
          this.open = false;
          this.active = -1;
        } else {
          this.text = '';
          this.hits = [];
        }
        break;
    }
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const chosen = this.open ? this.hits[this.active] : undefined;
    if (chosen) this.choose(chosen);
    else if (this.text.trim() !== '') this.go(searchPageHref(this.text));
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    if (event.relatedTarget instanceof Node && this.shadowRoot?.contains(event.relatedTarget)) return;
    this.focused = false;
    this.open = false;
    this.active = -1;
  };

  private readonly onFocusIn = (): void => {
    this.focused = true;
    if (this.hits.length > 0) this.open = true;
  };

  private choose(hit: SearchHit): void {
    this.go(`/p/${hit.product.slug}`);
  }

  private go(href: string): void {
    this.open = false;
    this.active = -1;
    this.dispatchEvent(new NavigateEvent(href));
  }

  /** Puts the caret into the field (the header's "/" shortcut, tests). */
  override focus(): void {
    this.input?.focus();
  }

  private renderOption(hit: SearchHit, index: number) {
    const { product, highlights } = hit;
    const image = product.images[0];
    return html`<li
      id=${`option-${index}`}
      role="option"
      aria-selected=${index === this.active ? 'true' : 'false'}
      @mousedown=${(event: MouseEvent) => event.preventDefault()}
      @click=${() => this.choose(hit)}
    >
      ${image ? productImage(this.catalog, image, { alt: '' }) : html`<span></span>`}
      <span class="title">${markedText(product.title, highlights.title)}</span>
      <span class="price">${formatEuro(product.price)}</span>
    </li>`;
  }

  override render() {
    const expanded = this.open && this.hits.length > 0;
    const status = this.open && this.text.trim() !== '' ? `${this.total} Treffer` : '';
    return html`<form role="search" @submit=${this.onSubmit} @focusout=${this.onFocusOut} @focusin=${this.onFocusIn}>
        <label class="visually-hidden" for="q">Produkte suchen</label>
        <input
          id="q"
          type="search"
          name="q"
          placeholder="Suchen, z. B. Kaffeemühle"
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="search"
          role="combobox"
          aria-autocomplete="list"
          aria-controls="suggestions"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-activedescendant=${expanded && this.active >= 0 ? `option-${this.active}` : nothing}
          .value=${this.text}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        />
        <ul id="suggestions" role="listbox" aria-label="Vorschläge" ?hidden=${!expanded}>
          ${expanded ? this.hits.map((hit, i) => this.renderOption(hit, i)) : nothing}
        </ul>
      </form>
      <span class="visually-hidden" role="status" aria-live="polite">${status}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-search-box': ShopSearchBox;
  }
}
