import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { AdminApiError, adminApi, query } from '../../admin/api.js';
import { formatDateTime } from '../../admin/format.js';
import { adminStyles } from '../../admin/styles.js';
import type { Staff } from '../../admin/types.js';
import type { MailState, MailSummary } from '../../domain/admin-api.js';
import { adminSessionContext } from '../../context/admin-session.js';
import { KeysetListController } from '../../controllers/keyset-list-controller.js';
import { sharedStyles } from '../../styles/shared.js';
import { errorAlert, loadMoreButton } from '../admin-shared/page-parts.js';

const STATE_LABELS: Record<MailState, string> = { queued: 'Wartet', sent: 'Versendet', failed: 'Fehlgeschlagen' };
const KIND_LABELS: Record<string, string> = {
  'order-confirmation': 'Bestellbestätigung',
  'order-shipped': 'Versandbestätigung',
  'order-cancelled': 'Stornierung',
};

/**
 * The mail outbox: every mail the shop sent or is sending, its state, attempts and the mail server's
 * last answer; filter by state; owners resend a mail (same text, same Message-ID).
 *
 * @summary Mail outbox.
 */
@customElement('admin-mail-page')
export class AdminMailPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .filter {
        display: flex;
        gap: 12px;
        align-items: end;
        max-width: 360px;
      }
      .sub {
        display: block;
        color: var(--shop-muted);
        font-size: 0.875rem;
        overflow-wrap: anywhere;
      }
      .failed {
        color: var(--shop-sale);
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: adminSessionContext, subscribe: true })
  private me?: Staff;

  @state() private filter: MailState | '' = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private message = '';
  private readonly list = new KeysetListController<MailSummary>(
    this,
    async (after) => {
      const page = await adminApi<{ mails: MailSummary[]; next: string | null }>(
        `mail${query({ state: this.filter || undefined, after })}`,
      );
      return { items: page.mails, next: page.next };
    },
    'Die E-Mails konnten nicht geladen werden.',
  );

  private changeFilter(event: Event): void {
    this.filter = (event.target as HTMLSelectElement).value as MailState | '';
    void this.list.reload();
  }

  private async resend(mail: MailSummary): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.message = '';
    this.error = '';
    try {
      const { mail: queued } = await adminApi<{ mail: MailSummary }>(`mail/${encodeURIComponent(mail.id)}/resend`, {
        method: 'POST',
        body: {},
      });
      this.list.update((mails) => mails.map((m) => (m.id === queued.id ? queued : m)));
      this.message = `${KIND_LABELS[mail.kind] ?? 'Die E-Mail'} an ${mail.to} wird erneut gesendet.`;
    } catch (error) {
      this.error = error instanceof AdminApiError ? error.message : 'Das hat nicht geklappt.';
    } finally {
      this.busy = false;
    }
  }

  private renderRow(mail: MailSummary) {
    const owner = this.me?.role === 'owner';
    return html`<tr data-mail=${mail.id}>
      <td>
        ${KIND_LABELS[mail.kind] ?? mail.kind}
        ${mail.orderId ? html`<a class="sub" href=${`/admin/orders/${encodeURIComponent(mail.orderId)}`}>${mail.orderId}</a>` : nothing}
      </td>
      <td>${mail.to}<span class="sub">${mail.subject}</span></td>
      <td>
        <span class=${mail.state === 'failed' ? 'failed' : ''} data-testid="mail-state"
          >${STATE_LABELS[mail.state]}</span
        >
        <span class="sub"
          >${mail.attempts} Versuch${mail.attempts === 1 ? '' : 'e'} ·
          ${mail.sentAt ? formatDateTime(mail.sentAt) : formatDateTime(mail.createdAt)}</span
        >
        ${mail.lastError ? html`<span class="sub" data-testid="mail-answer">${mail.lastError}</span>` : nothing}
      </td>
      <td>
        ${
          owner && mail.state !== 'queued'
            ? html`<button class="button secondary" ?disabled=${this.busy} @click=${() => this.resend(mail)}>
                Erneut senden<span class="visually-hidden">: ${mail.subject}</span>
              </button>`
            : nothing
        }
      </td>
    </tr>`;
  }

  private renderList() {
    const { items: mails, loading, next } = this.list;
    if (!mails) return loading ? html`<p role="status">E-Mails werden geladen …</p>` : nothing;
    if (mails.length === 0) return html`<p>Keine E-Mails.</p>`;
    return html`<table>
        <caption class="visually-hidden">
          E-Mails, neueste zuerst
        </caption>
        <thead>
          <tr>
            <th scope="col">Art</th>
            <th scope="col">Empfänger und Betreff</th>
            <th scope="col">Stand</th>
            <th scope="col"><span class="visually-hidden">Aktion</span></th>
          </tr>
        </thead>
        <tbody>
          ${mails.map((m) => this.renderRow(m))}
        </tbody>
      </table>
      ${loadMoreButton(next, loading, () => this.list.more())}`;
  }

  override render() {
    return html`<section class="page">
      <h1 tabindex="-1">E-Mails</h1>
      <div class="card filter">
        <div class="field">
          <label for="mail-state">Stand</label>
          <select id="mail-state" @change=${this.changeFilter}>
            <option value="">Alle</option>
            ${(['queued', 'sent', 'failed'] as const).map((s) => html`<option value=${s}>${STATE_LABELS[s]}</option>`)}
          </select>
        </div>
      </div>
      <div role="status">${this.message ? html`<p class="success">${this.message}</p>` : nothing}</div>
      ${errorAlert(this.error || this.list.error)}
      <div class="card">${this.renderList()}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-mail-page': AdminMailPage;
  }
}
