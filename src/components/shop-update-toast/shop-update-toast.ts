import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Workbox } from 'workbox-window';
import { sharedStyles } from '../../styles/shared.js';
import { serviceWorker } from './service-worker.js';
import { updateToastStyles } from './shop-update-toast.styles.js';

declare const __LADEN_VERSION__: string;

/** What the toast is offering: nothing, a waiting version, or a reload after another tab updated. */
const OFFER = { none: 'none', waiting: 'waiting', activated: 'activated' } as const;
type Offer = (typeof OFFER)[keyof typeof OFFER];

/**
 * Registers the service worker and, when a new version has installed and is waiting, tells the
 * shopper, who chooses when to switch: the page then asks the worker to take over (SKIP_WAITING)
 * and reloads once it controls the page. The cart lives in IndexedDB, so the reload keeps it.
 *
 * @summary Update prompt for a new version of the shop.
 */
@customElement('shop-update-toast')
export class ShopUpdateToast extends LitElement {
  static override styles = [sharedStyles, updateToastStyles];

  @state() private offer: Offer = OFFER.none;
  @state() private dismissed = false;

  /** Set while the shopper is checking out: the toast waits instead of interrupting. */
  @property({ type: Boolean }) paused = false;

  #workbox: Workbox | undefined;
  #accepted = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#workbox = serviceWorker();
    this.#workbox?.addEventListener('waiting', this.#onWaiting);
    this.#workbox?.addEventListener('controlling', this.#onControlling);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#workbox?.removeEventListener('waiting', this.#onWaiting);
    this.#workbox?.removeEventListener('controlling', this.#onControlling);
  }

  readonly #onWaiting = (): void => {
    this.offer = OFFER.waiting;
    this.dismissed = false;
  };

  readonly #onControlling = (event: { isUpdate?: boolean }): void => {
    if (this.#accepted) {
      window.location.reload();
    } else if (event.isUpdate) {
      // Another tab accepted the update: this page still runs the old code, so offer a reload.
      this.offer = OFFER.activated;
      this.dismissed = false;
    }
  };

  #accept(): void {
    if (this.offer === OFFER.activated || !this.#workbox) {
      window.location.reload();
      return;
    }
    this.#accepted = true;
    this.#workbox.messageSkipWaiting();
  }

  override render() {
    if (this.offer === OFFER.none || this.dismissed || this.paused) return nothing;
    const text =
      this.offer === OFFER.waiting
        ? 'Eine neue Version von Laden ist bereit.'
        : 'Laden wurde in einem anderen Fenster aktualisiert.';
    return html`<section class="toast" role="status" aria-label="Aktualisierung" data-version=${__LADEN_VERSION__}>
      <p>${text} Ihr Warenkorb bleibt erhalten.</p>
      <div class="actions">
        <button class="button" @click=${() => this.#accept()}>Jetzt neu laden</button>
        <button class="button secondary" @click=${() => (this.dismissed = true)}>Später</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-update-toast': ShopUpdateToast;
  }
}
