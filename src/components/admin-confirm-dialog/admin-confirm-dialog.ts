import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { adminStyles } from '../../admin/styles.js';
import { sharedStyles } from '../../styles/shared.js';

/**
 * A modal question before a step that cannot be undone: `await dialog.ask(…)` is true only when the
 * staff member confirmed. A native `<dialog>`: the focus stays inside, Escape cancels, and the focus
 * returns to the button that opened it.
 *
 * @summary Confirmation dialog.
 */
@customElement('admin-confirm-dialog')
export class AdminConfirmDialog extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      h2 {
        margin-top: 0;
      }
      .actions {
        justify-content: flex-end;
        margin-top: 16px;
      }
    `,
  ];

  @query('dialog') private dialog?: HTMLDialogElement;
  @state() private heading = '';
  @state() private text = '';
  @state() private confirmLabel = '';
  private answer?: (confirmed: boolean) => void;

  async ask(title: string, text: string, confirmLabel: string): Promise<boolean> {
    this.answer?.(false);
    this.heading = title;
    this.text = text;
    this.confirmLabel = confirmLabel;
    await this.updateComplete;
    const opener = deepActiveElement();
    this.dialog?.showModal();
    return new Promise<boolean>((resolve) => {
      this.answer = (confirmed) => {
        this.answer = undefined;
        if (this.dialog?.open) this.dialog.close();
        opener?.focus();
        resolve(confirmed);
      };
    });
  }

  override render() {
    return html`<dialog aria-labelledby="title" @close=${() => this.answer?.(false)}>
      <h2 id="title">${this.heading}</h2>
      <p>${this.text}</p>
      <div class="actions">
        <button class="button secondary" @click=${() => this.answer?.(false)}>Abbrechen</button>
        <button class="button" @click=${() => this.answer?.(true)}>${this.confirmLabel}</button>
      </div>
    </dialog>`;
  }
}

/** The focused element, looking into shadow roots. */
export function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-confirm-dialog': AdminConfirmDialog;
  }
}
