import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared.js';

/**
 * Says changes out loud to screen readers (cart updates, navigation) through a polite live region.
 *
 * @summary Screen-reader announcer.
 */
@customElement('shop-announcer')
export class ShopAnnouncer extends LitElement {
  static override styles = sharedStyles;

  @state() private message = '';

  announce(message: string): void {
    // Clearing first makes a repeated message be read again.
    this.message = '';
    requestAnimationFrame(() => (this.message = message));
  }

  override render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.message}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-announcer': ShopAnnouncer;
  }
}
