import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { adminApi, query as toQuery } from '../../admin/api.js';
import { formatDateTime } from '../../admin/format.js';
import { adminStyles } from '../../admin/styles.js';
import type { OrderRow } from '../../domain/admin-api.js';
import { FULFILMENT_LABELS, FULFILMENT_STATES, isFulfilmentState } from '../../domain/fulfilment.js';
import { formatEuro } from '../../domain/money.js';
import { KeysetListController } from '../../controllers/keyset-list-controller.js';
import { sharedStyles } from '../../styles/shared.js';
import { errorAlert, loadMoreButton, loadMoreStyles } from '../admin-shared/page-parts.js';

interface Filter {
  q: string;
  state: string;
  from: string;
  to: string;
}

const filterFromUrl = (): Filter => {
  const p = new URLSearchParams(location.search);
  const state = p.get('state') ?? '';
  return {
    q: p.get('q') ?? '',
    state: isFulfilmentState(state) ? state : '',
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
  };
};

/**
 * The orders, newest first: search by order number, e-mail or name, filter by state and date range,
 * "Weitere laden" for the next page (keyset), and the same selection as CSV. The filter lives in the
 * URL, so a reload or the back button keeps it.
 *
 * @summary Back office order list.
 */
@customElement('admin-orders-page')
export class AdminOrdersPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    loadMoreStyles,
    css`
      form {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr);
        gap: 0 12px;
        align-items: end;
      }
      form .actions {
        grid-column: 1 / -1;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: baseline;
        gap: 8px;
      }
      td a {
        font-weight: 700;
        white-space: nowrap;
      }
      .sub {
        display: block;
        color: var(--shop-muted);
        font-size: 0.875rem;
      }
      .phone {
        display: none;
      }
      @media (max-width: 720px) {
        form {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
        form .field:nth-child(-n + 2) {
          grid-column: 1 / -1;
        }
        .wide {
          display: none;
        }
        .phone {
          display: block;
        }
        .card.list {
          padding: 4px 12px;
        }
      }
    `,
  ];

  @query('#q') private qInput?: HTMLInputElement;
  @query('#state') private stateSelect?: HTMLSelectElement;
  @query('#from') private fromInput?: HTMLInputElement;
  @query('#to') private toInput?: HTMLInputElement;
  @state() private filter: Filter = filterFromUrl();
  @state() private error = '';
  private readonly list = new KeysetListController<OrderRow>(
    this,
    async (after) => {
      const { q, state, from, to } = this.filter;
      const page = await adminApi<{ orders: OrderRow[]; next: string | null }>(
        `orders${toQuery({ q, state, from, to, after })}`,
      );
      return { items: page.orders, next: page.next };
    },
    'Die Bestellungen konnten nicht geladen werden.',
  );

  private search(event: SubmitEvent): void {
    event.preventDefault();
    const filter: Filter = {
      q: this.qInput?.value.trim() ?? '',
      state: this.stateSelect?.value ?? '',
      from: this.fromInput?.value ?? '',
      to: this.toInput?.value ?? '',
    };
    if (filter.from && filter.to && filter.from > filter.to) {
      this.error = 'Das Startdatum liegt nach dem Enddatum.';
      this.fromInput?.focus();
      return;
    }
    this.error = '';
    this.filter = filter;
    history.replaceState({}, '', `${location.pathname}${toQuery({ ...filter })}`);
    void this.list.reload();
  }

  private reset(): void {
    this.error = '';
    this.filter = { q: '', state: '', from: '', to: '' };
    history.replaceState({}, '', location.pathname);
    void this.list.reload();
  }

  private async loadMore(): Promise<void> {
    const firstNew = this.list.items?.length ?? 0;
    await this.list.more();
    await this.updateComplete;
    // The focus moves to the first order that was added, so the keyboard continues where it left off.
    this.renderRoot.querySelectorAll<HTMLElement>('tbody tr td:first-child a')[firstNew]?.focus();
  }

  private renderFilter() {
    const { q, state, from, to } = this.filter;
    return html`<form class="card" role="search" @submit=${this.search}>
      <div class="field">
        <label for="q">Suche</label>
        <input id="q" type="search" maxlength="100" .value=${q} placeholder="Bestellnummer, E-Mail oder Name" />
      </div>
      <div class="field">
        <label for="state">Status</label>
        <select id="state" .value=${state}>
          <option value="">Alle</option>
          ${FULFILMENT_STATES.map((s) => html`<option value=${s} ?selected=${s === state}>${FULFILMENT_LABELS[s]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="from">Von</label>
        <input id="from" type="date" .value=${from} />
      </div>
      <div class="field">
        <label for="to">Bis</label>
        <input id="to" type="date" .value=${to} />
      </div>
      <div class="actions">
        <button class="button" type="submit">Suchen</button>
        <button class="button secondary" type="button" @click=${() => this.reset()}>Zurücksetzen</button>
      </div>
    </form>`;
  }

  private renderRows(orders: OrderRow[]) {
    return orders.map(
      (o) =>
        html`<tr>
          <td>
            <a href=${`/admin/orders/${encodeURIComponent(o.id)}`}>${o.id}</a>
            <span class="sub phone">${o.name}</span>
            <span class="sub">${formatDateTime(o.placedAt)}</span>
            <span class="phone"><span class="state" data-state=${o.state}>${FULFILMENT_LABELS[o.state]}</span></span>
          </td>
          <td class="wide">${o.name}<span class="sub">${o.email}</span></td>
          <td class="wide">
            <span class="state" data-state=${o.state}>${FULFILMENT_LABELS[o.state]}</span>
            ${o.paymentState ? html`<span class="sub">${o.paymentState === 'paid' ? 'bezahlt' : 'offen'}</span>` : nothing}
          </td>
          <td class="number wide">${o.items}</td>
          <td class="number">${formatEuro(o.total)}</td>
        </tr>`,
    );
  }

  private renderList() {
    const { items: orders, loading, next } = this.list;
    if (!orders) return loading ? html`<p role="status">Bestellungen werden geladen …</p>` : nothing;
    if (orders.length === 0) return html`<p>Keine Bestellungen gefunden.</p>`;
    return html`<div class="card list">
        <table>
          <caption class="visually-hidden">
            Bestellungen, neueste zuerst
          </caption>
          <thead>
            <tr>
              <th scope="col">Bestellung</th>
              <th scope="col" class="wide">Kunde</th>
              <th scope="col" class="wide">Status</th>
              <th scope="col" class="number wide">Artikel</th>
              <th scope="col" class="number">Summe</th>
            </tr>
          </thead>
          <tbody>
            ${this.renderRows(orders)}
          </tbody>
        </table>
      </div>
      ${loadMoreButton(next, loading, () => this.loadMore())}`;
  }

  override render() {
    const { q, state, from, to } = this.filter;
    return html`<section class="page">
      <div class="head">
        <h1 tabindex="-1">Bestellungen</h1>
        <a href=${`/api/admin/orders.csv${toQuery({ q, state, from, to })}`} download>Als CSV exportieren</a>
      </div>
      ${this.renderFilter()} ${errorAlert(this.error || this.list.error)}
      <div aria-live="polite" class="visually-hidden">
        ${this.list.items && !this.list.loading ? `${this.list.items.length} Bestellungen angezeigt` : ''}
      </div>
      ${this.renderList()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-orders-page': AdminOrdersPage;
  }
}
