import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared.js';
import { installPrompt, onInstallPromptChange, promptUsed } from './install-prompt.js';

/**
 * "App installieren": shown only while the browser offers installing (`beforeinstallprompt`), gone
 * once the shop is installed or runs as the installed app.
 *
 * @summary Install-the-app button for the header.
 */
@customElement('shop-install-button')
export class ShopInstallButton extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: contents;
      }
      /* One line and no taller than the cart link: appearing late must not move the page. */
      .button {
        min-height: 40px;
        max-height: 44px;
        padding: 0 14px;
        white-space: nowrap;
        background: transparent;
        border-color: rgb(255 255 255 / 55%);
        color: inherit;
      }
      .short {
        display: none;
      }
      @media (max-width: 480px) {
        .long {
          display: none;
        }
        .short {
          display: inline;
        }
      }
      .button:hover {
        background: rgb(255 255 255 / 12%);
      }
    `,
  ];

  @state() private available = false;
  #unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#refresh();
    this.#unsubscribe = onInstallPromptChange(() => this.#refresh());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  #refresh(): void {
    const standalone = window.matchMedia('(display-mode: standalone)').matches;
    this.available = !standalone && installPrompt() !== undefined;
  }

  async #install(): Promise<void> {
    const prompt = installPrompt();
    if (!prompt) return;
    promptUsed();
    await prompt.prompt();
    await prompt.userChoice;
  }

  override render() {
    if (!this.available) return nothing;
    return html`<button
      class="button"
      aria-label="App installieren"
      data-testid="install-button"
      @click=${() => this.#install()}
    >
      <span class="long">App installieren</span><span class="short">Installieren</span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-install-button': ShopInstallButton;
  }
}
