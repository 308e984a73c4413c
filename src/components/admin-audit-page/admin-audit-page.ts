import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { adminApi, query } from '../../admin/api.js';
import { formatDateTime } from '../../admin/format.js';
import { adminStyles } from '../../admin/styles.js';
import type { AuditEntry } from '../../admin/types.js';
import { KeysetListController } from '../../controllers/keyset-list-controller.js';
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

  private readonly list = new KeysetListController<AuditEntry>(
    this,
    async (before) => {
      const page = await adminApi<{ entries: AuditEntry[]; next: string | null }>(`audit${query({ before })}`);
      return { items: page.entries, next: page.next };
    },
    'Das Protokoll konnte nicht geladen werden.',
  );

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
      ${errorAlert(this.list.error)}
      <div class="card">
        ${
          this.list.items
            ? this.renderEntries(this.list.items)
            : this.list.loading
              ? html`<p role="status">Protokoll wird geladen …</p>`
              : nothing
        }
      </div>
      ${loadMoreButton(this.list.next, this.list.loading, () => this.list.more())}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-audit-page': AdminAuditPage;
  }
}
