import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Category } from '../../domain/catalog.js';
import { sharedStyles } from '../../styles/shared.js';

/**
 * The category bar under the header; scrolls sideways on a phone.
 *
 * @summary Category navigation.
 */
@customElement('shop-category-nav')
export class ShopCategoryNav extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        background: var(--shop-surface);
        border-bottom: 1px solid var(--shop-border);
      }
      ul {
        max-width: var(--shop-max-width);
        margin: 0 auto;
        padding: 6px var(--shop-gutter);
        list-style: none;
        display: flex;
        gap: 4px;
        overflow-x: auto;
        scrollbar-width: none;
        /* As tall empty (catalog still loading) as filled: the page below must not jump. */
        min-height: 40px;
      }
      a {
        display: inline-flex;
        align-items: center;
        min-height: 40px;
        padding: 0 12px;
        border-radius: 999px;
        white-space: nowrap;
        text-decoration: none;
        font-size: 0.925rem;
        color: var(--shop-text);
      }
      a:hover {
        background: #f1eee8;
      }
      a[aria-current='page'] {
        background: var(--shop-primary);
        color: var(--shop-on-primary);
      }
    `,
  ];

  @property({ attribute: false }) categories: Category[] = [];
  /** Slug of the category being shown, if any. */
  @property() current = '';

  override render() {
    return html`<nav aria-label="Kategorien">
      <ul>
        ${this.categories.map(
          (c) =>
            html`<li>
              <a href=${`/c/${c.slug}`} aria-current=${c.slug === this.current ? 'page' : 'false'}>${c.name}</a>
            </li>`,
        )}
      </ul>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-category-nav': ShopCategoryNav;
  }
}
