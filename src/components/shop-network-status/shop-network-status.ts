import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { OnlineController } from '../../controllers/online-controller.js';
import { networkStatusStyles } from './shop-network-status.styles.js';

/** How long "Wieder online" stays after the connection returns. */
const BACK_ONLINE_MS = 4000;

/**
 * Shows in the header whether the shop is offline, and says plainly what still works and what needs
 * a connection. Coming back online is confirmed briefly, then the indicator goes away.
 *
 * @summary Online/offline indicator.
 * @csspart banner - The explanation shown along the bottom while offline.
 */
@customElement('shop-network-status')
export class ShopNetworkStatus extends LitElement {
  static override styles = networkStatusStyles;

  private readonly network = new OnlineController(this);

  @state() private backOnline = false;
  /** When the shopper hid the explanation; it comes back the next time the network goes. */
  @state() private hiddenAt = -1;
  #timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  override willUpdate(): void {
    const justReturned =
      this.network.online && this.network.changedAt > 0 && Date.now() - this.network.changedAt < BACK_ONLINE_MS;
    if (justReturned && !this.backOnline) {
      this.backOnline = true;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => (this.backOnline = false), BACK_ONLINE_MS);
    }
    if (!this.network.online) this.backOnline = false;
  }

  override render() {
    if (this.network.online) {
      return html`<span role="status"
        >${
          this.backOnline
            ? html`<span class="pill online" data-testid="network-status"><span class="dot"></span>Wieder online</span>`
            : nothing
        }</span
      >`;
    }
    return html`<span role="status">
        <span class="pill" data-testid="network-status"><span class="dot"></span>Offline</span>
      </span>
      ${
        this.hiddenAt >= this.network.changedAt
          ? nothing
          : html`<div class="banner" part="banner">
              <p>
                <strong>Sie sind offline.</strong> Stöbern, Suche und Warenkorb funktionieren weiter; Bestellungen
                werden gesendet, sobald die Verbindung zurück ist. Bilder, die Sie noch nicht angesehen haben, fehlen
                bis dahin.
              </p>
              <button type="button" @click=${() => (this.hiddenAt = this.network.changedAt)}>Ausblenden</button>
            </div>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-network-status': ShopNetworkStatus;
  }
}
