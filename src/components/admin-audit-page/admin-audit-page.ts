import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { AdminApiError, adminApi, query } from '../../admin/api.js';
import { formatDateTime } from '../../admin/format.js';
import { adminStyles } from '../../admin/styles.js';
import type { AuditEntry } from '../../admin/types.js';
import { sharedStyles } from '../../styles/shared.js';
import { errorAlert, loadMoreButton, loadMoreStyles } from '../admin-shared/page-parts.js';

const ACTION_LABELS: Record<string, string> = {
  'sign-in': 'Anmeldung',
  'sign-in-failed': 'Anmeldung fehlgeschlagen',
  'sign-out': 'Abmeldung',
  'order-state': 'Bestellstatus',
  'order-payment': 'Zahlung',
  'staff-added': 'Zugang hinzugefügt',
  'staff-removed': 'Zugang entfernt',
  'passkey-added': 'Passkey hinzugefügt',
  'passkey-removed': 'Passkey entfernt',
  'stock-changed': 'Bestand geändert',
  'catalog-published': 'Katalog veröffentlicht',
  'mail-resent': 'E-Mail erneut gesendet',
};

const show = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * The audit log (owners only), newest first: who did what to which record from which address, and
 * the values before and after. Read-only, as the log itself is append-only.
 *
 * @summary Audit log.
 */
@customElement('admin-audit-page')
export class AdminAuditPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    loadMoreStyles,
    css`
      .sub {
        display: block;
        color: var(--shop-muted);
        font-size: 0.875rem;
        overflow-wrap: anywhere;
      }
      td {
        overflow-wrap: anywhere;
      }
      @media (max-width: 720px) {
        .wide {
          display: none;
        }
      }
    `,
  ];

  @state() private entries?: AuditEntry[];
  @state() private next: string | null = null;
  @state() private busy = false;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(before?: string): Promise<void> {
    this.busy = true;
    try {
      const page = await adminApi<{ entries: AuditEntry[]; next: string | null }>(`audit${query({ before })}`);
      this.entries = before ? [...(this.entries ?? []), ...page.entries] : page.entries;
      this.next = page.next;
      this.error = '';
    } catch (error) {
      this.error = error instanceof AdminApiError ? error.message : 'Das Protokoll konnte nicht geladen werden.';
    } finally {
      this.busy = false;
    }
  }

  private renderEntries(entries: AuditEntry[]) {
    if (entries.length === 0) return html`<p>Noch keine Einträge.</p>`;
    return html`<table>
      <caption class="visually-hidden">
        Protokoll, neueste zuerst
      </caption>
      <thead>
        <tr>
          <th scope="col">Zeit</th>
          <th scope="col">Aktion</th>
          <th scope="col">Wer</th>
          <th scope="col" class="wide">Änderung</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) =>
            html`<tr>
              <td><time datetime=${e.at}>${formatDateTime(e.at)}</time></td>
              <td>${ACTION_LABELS[e.action] ?? e.action}<span class="sub">${e.target ?? ''}</span></td>
              <td>${e.actor ?? '–'}<span class="sub">${e.address ?? ''}</span></td>
              <td class="wide">
                ${e.before !== null && e.before !== undefined ? html`<span class="sub">vorher: ${show(e.before)}</span>` : nothing}
                ${e.after !== null && e.after !== undefined ? html`<span class="sub">nachher: ${show(e.after)}</span>` : nothing}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    return html`<section class="page">
      <h1 tabindex="-1">Protokoll</h1>
      ${errorAlert(this.error)}
      <div class="card">
        ${this.entries ? this.renderEntries(this.entries) : html`<p role="status">Protokoll wird geladen …</p>`}
      </div>
      ${loadMoreButton(this.next, this.busy, (after) => this.load(after))}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-audit-page': AdminAuditPage;
  }
}
