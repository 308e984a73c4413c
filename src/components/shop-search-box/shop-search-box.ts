import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { searchContext } from '../../context/search.js';
import { SearchUnavailable, type SearchAnswerHit, type SearchService } from '../../services/search.js';
import { formatEuro } from '../../domain/money.js';
import { NavigateEvent } from '../../events/navigate.js';
import { markedText } from './marked-text.js';
import { searchBoxStyles } from './shop-search-box.styles.js';
import { dataImages, productImage } from '../shop-image/product-image.js';

const SUGGESTIONS = 6;
/** A pause in typing this long asks for suggestions (keys of a quick typist come faster). */
const SUGGEST_AFTER_MS = 60;

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
  /** Counts keystrokes: a suggestion is asked for only after the last one. */
  #typed = 0;

  @consume({ context: searchContext, subscribe: true })
  @state()
  private search?: SearchService;

  @state() private text = '';
  @state() private hits: SearchAnswerHit[] = [];
  /** Why no suggestions can come (offline before the index arrived), for the shopper. */
  @state() private unavailable: string | undefined;
  @state() private total = 0;
  @state() private open = false;
  /** Index of the highlighted suggestion; -1: none (the field itself). */
  @state() private active = -1;
  private focused = false;
  /** Numbers the keystrokes' queries: only the newest one's answer is shown. */
  private asked = 0;
  private pending: Promise<void> = Promise.resolve();

  override connectedCallback(): void {
    super.connectedCallback();
    const q = new URLSearchParams(location.search).get('q');
    if (location.pathname === '/search' && q) this.text = q;
  }

  /** Resolves once the suggestions for the text typed so far are shown (tests, the page). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.pending;
    return super.getUpdateComplete();
  }

  private suggest(): void {
    const service = this.search;
    const text = this.text;
    const asked = ++this.asked;
    if (!service || text.trim() === '') {
      this.hits = [];
      this.open = false;
      return;
    }
    // The last list stays until the new one is there: no flicker between keystrokes.
    this.pending = service.search(text, { limit: SUGGESTIONS, facets: false }).then(
      (result) => {
        if (asked !== this.asked) return; // the shopper typed on meanwhile
        this.unavailable = undefined;
        this.hits = result.hits;
        this.total = result.total;
        this.active = -1;
        this.open = this.focused;
      },
      (error: unknown) => {
        if (asked !== this.asked) return;
        if (!(error instanceof SearchUnavailable)) console.error(error);
        this.unavailable = error instanceof SearchUnavailable ? error.message : 'Die Suche ist gerade nicht verfügbar.';
        this.hits = [];
        this.total = 0;
        this.open = this.focused;
      },
    );
  }

  private readonly onInput = (event: InputEvent): void => {
    this.text = (event.target as HTMLInputElement).value;
    // Asked once the keys pause: while they come faster than this, each suggestion list would be
    // out of date before it arrived, and on a phone each costs a request and a render.
    const typed = ++this.#typed;
    this.pending = new Promise((resolve) => setTimeout(resolve, SUGGEST_AFTER_MS)).then(() => {
      if (typed !== this.#typed) return; // another key came
      this.suggest();
      return this.pending;
    });
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
        // a search field clears itself on Escape; the first Escape only closes the list, and a
        // suggestion still on its way (asked for or waiting for the keys to pause) must not reopen it
        event.preventDefault();
        this.#typed++;
        this.asked++;
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
    this.#typed++; // no suggestion list after the search was sent
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

  private choose(hit: SearchAnswerHit): void {
    this.go(`/p/${hit.card.slug}`);
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

  private renderOption(hit: SearchAnswerHit, index: number) {
    const { card, highlights } = hit;
    const image = card.image;
    return html`<li
      id=${`option-${index}`}
      role="option"
      aria-selected=${index === this.active ? 'true' : 'false'}
      @mousedown=${(event: MouseEvent) => event.preventDefault()}
      @click=${() => this.choose(hit)}
    >
      ${image ? productImage(dataImages, image, { alt: '' }) : html`<span></span>`}
      <span class="title">${markedText(card.title, highlights.title)}</span>
      <span class="price">${formatEuro(card.price)}</span>
    </li>`;
  }

  override render() {
    const expanded = this.open && this.hits.length > 0;
    const typed = this.open && this.text.trim() !== '';
    const status = typed ? (this.unavailable ?? `${this.total} Treffer`) : '';
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
        ${typed && this.unavailable ? html`<p class="unavailable">${this.unavailable}</p>` : nothing}
      </form>
      <span class="visually-hidden" role="status" aria-live="polite">${status}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-search-box': ShopSearchBox;
  }
}
