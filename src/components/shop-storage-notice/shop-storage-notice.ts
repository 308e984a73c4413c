import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { StorageNoticeController } from '../../controllers/storage-notice-controller.js';
import { sharedStyles } from '../../styles/shared.js';

/**
 * Shows what the local storage had to tell the shopper: a repaired cart, a full disk, a tab that
 * must reload. Each notice stays until dismissed; a repeated one is shown once.
 *
 * @summary Notices from the on-device storage.
 */
@customElement('shop-storage-notice')
export class ShopStorageNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: var(--shop-max-width);
        margin: 0 auto;
        padding: 0 var(--shop-gutter);
      }
      ul {
        list-style: none;
        margin: 12px 0 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      li {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 12px;
        padding: 10px 14px;
        border-radius: var(--shop-radius-small);
        background: #fff4e0;
        color: #4a2e00;
        border: 1px solid #f0cf94;
      }
      li[data-kind='full'] {
        background: #fdecea;
        color: #6b1510;
        border-color: #f1b3ad;
      }
      .button {
        min-height: 36px;
        padding: 0 12px;
      }
    `,
  ];

  private readonly storage = new StorageNoticeController(this);

  override render() {
    return html`<div role="alert">
      ${
        this.storage.notices.length === 0
          ? nothing
          : html`<ul>
              ${this.storage.notices.map(
                (n) =>
                  html`<li data-kind=${n.kind} data-testid="storage-notice">
                    <span>${n.message}</span>
                    ${
                      n.kind === 'outdated'
                        ? html`<button class="button" @click=${() => location.reload()}>Neu laden</button>`
                        : html`<button class="button secondary" @click=${() => this.storage.dismiss(n)}>OK</button>`
                    }
                  </li>`,
              )}
            </ul>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-storage-notice': ShopStorageNotice;
  }
}
