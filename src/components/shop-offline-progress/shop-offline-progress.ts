import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ListingController } from '../../controllers/listing-controller.js';
import { lazyFormat } from '../../domain/lazy-format.js';

const percent = lazyFormat(() => new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 }));
const count = lazyFormat(() => new Intl.NumberFormat('de-DE'));

/**
 * How much of the catalog is on this device for offline use, a quiet line in the footer:
 * "Offline verfügbar: 62 %" while the listing is stored in the background, then how many products.
 *
 * @summary Offline copy of the catalog.
 */
@customElement('shop-offline-progress')
export class ShopOfflineProgress extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.85rem;
      opacity: 0.8;
    }
  `;

  private readonly listing = new ListingController(this, { progress: true });

  override render() {
    const store = this.listing.store;
    if (!store) return nothing;
    const { storedBytes, totalBytes, done } = store.progress;
    const text = done
      ? `Offline verfügbar: alle ${count().format(store.manifest.catalog.products)} Produkte`
      : `Offline verfügbar: ${percent().format(totalBytes > 0 ? storedBytes / totalBytes : 0)}`;
    return html`<span>${text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-offline-progress': ShopOfflineProgress;
  }
}
