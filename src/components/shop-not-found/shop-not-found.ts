import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared.js';

/**
 * What a shopper sees for an address that leads nowhere.
 *
 * @summary Not-found page.
 */
@customElement('shop-not-found')
export class ShopNotFound extends LitElement {
  static override styles = sharedStyles;

  @property() heading = 'Seite nicht gefunden';
  @property() detail = 'Diese Adresse führt zu nichts in unserem Laden.';

  override render() {
    return html`<section class="page">
      <h1>${this.heading}</h1>
      <p>${this.detail}</p>
      <a class="button" href="/">Zur Startseite</a>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-not-found': ShopNotFound;
  }
}
