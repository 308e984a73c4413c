import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { AdminApiError, adminApi, query as toQuery } from '../../admin/api.js';
import { formatDateTime } from '../../admin/format.js';
import { adminStyles } from '../../admin/styles.js';
import type { StockItem } from '../../domain/admin-api.js';
import { LOW_STOCK } from '../../domain/stock.js';
import { KeysetListController, type KeysetPage } from '../../controllers/keyset-list-controller.js';
import { sharedStyles } from '../../styles/shared.js';
import { errorAlert, loadMoreButton, loadMoreStyles } from '../admin-shared/page-parts.js';

/**
 * Stock per item (staff and owners): search by title or SKU, show only low stock, and set an item's
 * units with a reason (a stock take, a delivery, a return). Every change lands in the audit log.
 *
 * @summary Stock management.
 */
@customElement('admin-stock-page')
export class AdminStockPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    loadMoreStyles,
    css`
      form.filter {
        display: grid;
        grid-template-columns: minmax(0, 3fr) auto auto;
        gap: 0 12px;
        align-items: end;
      }
      .check {
        display: flex;
        gap: 8px;
        align-items: center;
        min-height: 44px;
        margin: 0 0 14px;
      }
      .check input {
        width: auto;
        min-height: 0;
      }
      .low {
        color: var(--shop-sale);
        font-weight: 700;
      }
      form.edit {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 3fr);
        gap: 0 12px;
      }
      form.edit .actions,
      form.edit h2,
      form.edit .error {
        grid-column: 1 / -1;
      }
      @media (max-width: 720px) {
        form.filter,
        form.edit {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @query('#q') private qInput?: HTMLInputElement;
  @query('#low') private lowInput?: HTMLInputElement;
  @query('#units') private unitsInput?: HTMLInputElement;
  @state() private filter = { q: '', low: false };
  @state() private editing?: StockItem;
  @state() private formError = '';
  @state() private message = '';
  @state() private busy = false;
  private readonly list = new KeysetListController<StockItem>(
    this,
    (after) => {
      const { q, low } = this.filter;
      return adminApi<KeysetPage<StockItem>>(`stock${toQuery({ q, low: low ? '1' : undefined, after })}`);
    },
    'Der Bestand konnte nicht geladen werden.',
  );

  private search(event: SubmitEvent): void {
    event.preventDefault();
    this.filter = { q: this.qInput?.value.trim() ?? '', low: this.lowInput?.checked ?? false };
    void this.list.reload();
  }

  private async edit(item: StockItem): Promise<void> {
    this.editing = item;
    this.formError = '';
    this.message = '';
    await this.updateComplete;
    this.unitsInput?.focus();
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const item = this.editing;
    if (!item || this.busy) return;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    this.busy = true;
    this.formError = '';
    try {
      const { item: saved } = await adminApi<{ item: StockItem }>(`stock/${encodeURIComponent(item.sku)}`, {
        method: 'PUT',
        body: { available: Number(value('available')), reason: value('reason') },
      });
      this.list.update((items) => items.map((i) => (i.sku === saved.sku ? saved : i)));
      this.message = `Bestand von „${saved.title}“ ist jetzt ${saved.available}.`;
      this.editing = undefined;
    } catch (error) {
      this.formError =
        error instanceof AdminApiError && error.issues.length > 0
          ? error.issues.map((i) => i.message).join(' ')
          : error instanceof AdminApiError
            ? error.message
            : 'Das hat nicht geklappt.';
    } finally {
      this.busy = false;
    }
  }

  private renderEdit(item: StockItem) {
    return html`<form class="card edit" @submit=${this.save} aria-labelledby="edit">
      <h2 id="edit">Bestand ändern: ${item.title}</h2>
      <div class="field">
        <label for="units">Neuer Bestand</label>
        <input
          id="units"
          name="available"
          type="number"
          min="0"
          max="1000000"
          step="1"
          required
          .value=${String(item.available)}
        />
      </div>
      <div class="field">
        <label for="reason">Grund</label>
        <input id="reason" name="reason" required maxlength="200" placeholder="z. B. Inventur, Lieferung, Retoure" />
      </div>
      ${errorAlert(this.formError)}
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.busy}>Speichern</button>
        <button class="button secondary" type="button" @click=${() => (this.editing = undefined)}>Abbrechen</button>
      </div>
    </form>`;
  }

  private renderList() {
    const { items, loading, next } = this.list;
    if (!items) return loading ? html`<p role="status">Bestand wird geladen …</p>` : nothing;
    if (items.length === 0) return html`<p>Keine Artikel gefunden.</p>`;
    return html`<table>
        <caption class="visually-hidden">
          Bestand je Artikel
        </caption>
        <thead>
          <tr>
            <th scope="col">Artikel</th>
            <th scope="col">SKU</th>
            <th scope="col" class="number">Bestand</th>
            <th scope="col">Geändert</th>
            <th scope="col"><span class="visually-hidden">Aktion</span></th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (item) =>
              html`<tr data-sku=${item.sku}>
                <td>${item.title}</td>
                <td class="muted">${item.sku}</td>
                <td class="number ${item.available <= LOW_STOCK ? 'low' : ''}">${item.available}</td>
                <td>${formatDateTime(item.updatedAt)}</td>
                <td>
                  <button class="button secondary" @click=${() => this.edit(item)}>
                    Ändern<span class="visually-hidden">: ${item.title}</span>
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${loadMoreButton(next, loading, () => this.list.more())}`;
  }

  override render() {
    return html`<section class="page">
      <h1 tabindex="-1">Bestand</h1>
      <form class="card filter" role="search" @submit=${this.search}>
        <div class="field">
          <label for="q">Suche</label>
          <input id="q" type="search" maxlength="100" .value=${this.filter.q} placeholder="Artikel oder SKU" />
        </div>
        <label class="check"
          ><input id="low" type="checkbox" .checked=${this.filter.low} /> Nur niedriger Bestand (≤ ${LOW_STOCK})</label
        >
        <div class="field"><button class="button" type="submit">Suchen</button></div>
      </form>
      <div role="status">${this.message ? html`<p class="success">${this.message}</p>` : nothing}</div>
      ${errorAlert(this.list.error)} ${this.editing ? this.renderEdit(this.editing) : nothing}
      <div class="card">${this.renderList()}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-stock-page': AdminStockPage;
  }
}
