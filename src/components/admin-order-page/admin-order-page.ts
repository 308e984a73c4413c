import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { AdminApiError, adminApi } from '../../admin/api.js';
import { formatDateTime } from '../../admin/format.js';
import { productTitles } from '../../admin/product-titles.js';
import { adminStyles } from '../../admin/styles.js';
import type { OrderWithEvents } from '../../admin/types.js';
import {
  CARRIERS,
  CARRIER_IDS,
  FULFILMENT_LABELS,
  TRACKING_NUMBER,
  TRANSITIONS,
  carrierName,
  type FulfilmentState,
} from '../../domain/fulfilment.js';
import { sharedStyles } from '../../styles/shared.js';
import type { AdminConfirmDialog } from '../admin-confirm-dialog/admin-confirm-dialog.js';
import { deepActiveElement } from '../admin-confirm-dialog/admin-confirm-dialog.js';
import { orderPageStyles } from './admin-order-page.styles.js';
import { renderAddress, renderItems, renderPayment, renderTimeline, renderTotals } from './order-sections.js';
import '../admin-confirm-dialog/admin-confirm-dialog.js';
import { errorAlert } from '../admin-shared/page-parts.js';

/** What each step means for the staff member, asked before it is taken (none can be undone). */
const CONFIRM_TEXT: Record<FulfilmentState, string> = {
  confirmed: '',
  processing: 'Die Bestellung wird bearbeitet. Zurück zu „Bestätigt“ geht es danach nicht mehr.',
  shipped: 'Die Kundin oder der Kunde sieht danach Versanddienst und Sendungsnummer.',
  delivered: 'Die Bestellung ist damit abgeschlossen.',
  cancelled: 'Die Bestellung wird storniert. Das lässt sich nicht rückgängig machen.',
};

/**
 * One order for the back office: items, totals with VAT per rate, address, payment, timeline, and a
 * button per allowed next state. Each step asks first (a `<dialog>`); "Versendet" asks carrier and
 * tracking number, "Storniert" a reason. If someone else changed the order meanwhile (409), the
 * page reloads it and says so.
 *
 * @summary Back office order detail.
 */
@customElement('admin-order-page')
export class AdminOrderPage extends LitElement {
  static override styles = [sharedStyles, adminStyles, orderPageStyles];

  @query('#transition') private dialog?: HTMLDialogElement;
  @query('admin-confirm-dialog') private confirmDialog?: AdminConfirmDialog;
  @state() private data?: OrderWithEvents;
  @state() private titles = new Map<string, string>();
  @state() private error = '';
  @state() private notice = '';
  @state() private dialogError = '';
  @state() private target?: FulfilmentState;
  @state() private busy = false;
  private opener?: HTMLElement;

  /** From the route /admin/orders/:orderId. */
  @property() orderId = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void productTitles().then((t) => (this.titles = t));
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('orderId') && this.orderId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.data = await adminApi<OrderWithEvents>(`orders/${encodeURIComponent(this.orderId)}`);
      this.error = '';
    } catch (error) {
      this.error =
        error instanceof AdminApiError && error.status === 404
          ? 'Diese Bestellung gibt es nicht.'
          : error instanceof AdminApiError
            ? error.message
            : 'Die Bestellung konnte nicht geladen werden.';
    }
  }

  private async open(to: FulfilmentState): Promise<void> {
    this.target = to;
    this.dialogError = '';
    this.opener = deepActiveElement();
    await this.updateComplete;
    this.dialog?.showModal();
  }

  private close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private readonly onDialogClosed = (): void => {
    this.target = undefined;
    // Back to the button that opened it; after a step that button is gone, so to the page's heading.
    if (this.opener?.isConnected) this.opener.focus();
    else this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  };

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const order = this.data?.order;
    const to = this.target;
    if (!order || !to || this.busy) return;
    const form = event.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    const body: Record<string, unknown> = { to, version: order.version };
    if (to === 'shipped') {
      body['carrier'] = field('carrier');
      body['trackingNumber'] = field('trackingNumber');
    }
    if (to === 'cancelled') body['reason'] = field('reason');
    const missing = [...form.querySelectorAll<HTMLInputElement>('[required]')].find((input) => !input.value.trim());
    if (missing) {
      this.dialogError = `Bitte ${missing.dataset['what'] ?? 'alle Felder'} angeben.`;
      missing.focus();
      return;
    }
    if (to === 'shipped' && !TRACKING_NUMBER.test(field('trackingNumber'))) {
      this.dialogError = 'Die Sendungsnummer besteht aus 6 bis 40 Buchstaben und Ziffern.';
      (form.elements.namedItem('trackingNumber') as HTMLInputElement | null)?.focus();
      return;
    }
    this.busy = true;
    try {
      this.data = await adminApi<OrderWithEvents>(`orders/${encodeURIComponent(order.id)}/transitions`, {
        method: 'POST',
        body,
      });
      this.notice = `Status geändert: ${FULFILMENT_LABELS[to]}.`;
      this.close();
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 409) {
        this.close();
        await this.load();
        this.notice =
          error.code === 'version-conflict'
            ? 'Die Bestellung wurde inzwischen geändert und ist neu geladen. Bitte prüfen Sie den Status.'
            : 'Dieser Schritt ist im aktuellen Status nicht möglich. Die Bestellung ist neu geladen.';
      } else if (error instanceof AdminApiError && error.issues.length > 0) {
        this.dialogError = error.issues.map((i) => i.message).join(' ');
      } else {
        this.dialogError = error instanceof AdminApiError ? error.message : 'Das hat nicht geklappt.';
      }
    } finally {
      this.busy = false;
    }
  }

  private async setPayment(state: 'paid' | 'open'): Promise<void> {
    const order = this.data?.order;
    if (!order || this.busy) return;
    const sure = await this.confirmDialog?.ask(
      state === 'paid' ? 'Als bezahlt markieren?' : 'Zahlung wieder als offen markieren?',
      state === 'paid'
        ? 'Der Zahlungseingang wird mit dem heutigen Datum vermerkt.'
        : 'Der Zahlungseingang wird entfernt.',
      state === 'paid' ? 'Als bezahlt markieren' : 'Als offen markieren',
    );
    if (!sure) return;
    this.busy = true;
    try {
      this.data = await adminApi<OrderWithEvents>(`orders/${encodeURIComponent(order.id)}/payment`, {
        method: 'POST',
        body: { state, version: order.version },
      });
      this.notice = state === 'paid' ? 'Zahlung als eingegangen vermerkt.' : 'Zahlung als offen vermerkt.';
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 409) {
        await this.load();
        this.notice = 'Die Bestellung wurde inzwischen geändert und ist neu geladen. Bitte prüfen Sie die Zahlung.';
      } else {
        this.error = error instanceof AdminApiError ? error.message : 'Das hat nicht geklappt.';
      }
    } finally {
      this.busy = false;
    }
  }

  private renderDialogFields(to: FulfilmentState) {
    if (to === 'shipped') {
      return html`<div class="field">
          <label for="carrier">Versanddienst</label>
          <select id="carrier" name="carrier" required data-what="den Versanddienst">
            <option value="">Bitte wählen …</option>
            ${CARRIER_IDS.map((id) => html`<option value=${id}>${CARRIERS[id].name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="trackingNumber">Sendungsnummer</label>
          <input
            id="trackingNumber"
            name="trackingNumber"
            required
            data-what="die Sendungsnummer"
            maxlength="40"
            autocomplete="off"
            aria-describedby="tracking-hint"
          />
          <p class="hint" id="tracking-hint">6 bis 40 Buchstaben und Ziffern, ohne Leerzeichen.</p>
        </div>`;
    }
    if (to === 'cancelled') {
      return html`<div class="field">
        <label for="reason">Grund der Stornierung</label>
        <textarea id="reason" name="reason" rows="3" required data-what="einen Grund" maxlength="500"></textarea>
      </div>`;
    }
    return nothing;
  }

  private renderDialog() {
    const to = this.target;
    return html`<dialog id="transition" aria-labelledby="dialog-title" @close=${this.onDialogClosed}>
      ${
        to
          ? html`<form @submit=${this.submit} novalidate>
              <h2 id="dialog-title">Status ändern: ${FULFILMENT_LABELS[to]}?</h2>
              <p>${CONFIRM_TEXT[to]}</p>
              ${this.renderDialogFields(to)} ${errorAlert(this.dialogError)}
              <div class="actions">
                <button class="button secondary" type="button" @click=${() => this.close()}>Abbrechen</button>
                <button class="button ${to === 'cancelled' ? 'danger' : ''}" type="submit" ?disabled=${this.busy}>
                  ${to === 'cancelled' ? 'Stornieren' : `Als „${FULFILMENT_LABELS[to]}“ speichern`}
                </button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }

  private renderStateActions(state: FulfilmentState) {
    const next = TRANSITIONS[state];
    if (next.length === 0) return html`<p class="muted">Abgeschlossen: keine weiteren Schritte.</p>`;
    return html`<fieldset>
      <legend>Status ändern</legend>
      <div class="actions">
        ${next.map(
          (to: FulfilmentState) =>
            html`<button
              class="button ${to === 'cancelled' ? 'secondary' : ''}"
              ?disabled=${this.busy}
              @click=${() => this.open(to)}
            >
              ${FULFILMENT_LABELS[to]}
            </button>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderOrder({ order, events }: OrderWithEvents) {
    return html`<p class="muted">Bestellt am ${formatDateTime(order.placedAt)}</p>
      <div role="status">${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}</div>
      <div class="grid">
        <div>
          <section class="card">${this.renderStateActions(order.state)}</section>
          <section class="card" aria-labelledby="items">
            <h2 id="items">Artikel</h2>
            ${renderItems(order, this.titles)} ${renderTotals(order)}
          </section>
          <section class="card" aria-labelledby="timeline">
            <h2 id="timeline">Verlauf</h2>
            ${renderTimeline(events)}
          </section>
        </div>
        <div>
          <section class="card" aria-labelledby="address">
            <h2 id="address">Lieferadresse</h2>
            ${renderAddress(order)}
          </section>
          ${
            order.tracking
              ? html`<section class="card tracking" aria-labelledby="shipping">
                  <h2 id="shipping">Versand</h2>
                  <p>
                    ${carrierName(order.tracking.carrier)}<br />
                    ${
                      order.tracking.url
                        ? html`<a href=${order.tracking.url} rel="external noopener" target="_blank"
                            >${order.tracking.number}</a
                          >`
                        : order.tracking.number
                    }
                  </p>
                </section>`
              : nothing
          }
          ${
            order.cancellation
              ? html`<section class="card" aria-labelledby="cancel">
                  <h2 id="cancel">Storniert</h2>
                  <p>${order.cancellation.reason}</p>
                </section>`
              : nothing
          }
          <section class="card" aria-labelledby="payment">
            <h2 id="payment">Zahlung</h2>
            ${renderPayment(order)}
            ${
              order.payment === 'invoice' && order.state !== 'cancelled'
                ? html`<button
                    class="button secondary"
                    ?disabled=${this.busy}
                    @click=${() => this.setPayment(order.paymentState === 'paid' ? 'open' : 'paid')}
                  >
                    ${order.paymentState === 'paid' ? 'Als offen markieren' : 'Als bezahlt markieren'}
                  </button>`
                : nothing
            }
          </section>
        </div>
      </div>
      ${this.renderDialog()}
      <admin-confirm-dialog></admin-confirm-dialog>`;
  }

  override render() {
    // One heading for loading and loaded alike: it keeps the focus the shell gave it.
    const order = this.data?.order;
    return html`<section class="page">
      <p><a href="/admin/orders">← Alle Bestellungen</a></p>
      <div class="top">
        <h1 tabindex="-1">Bestellung <span class="id">${order?.id ?? this.orderId}</span></h1>
        ${
          order
            ? html`<span class="state" data-state=${order.state} data-testid="admin-order-state"
                >${FULFILMENT_LABELS[order.state]}</span
              >`
            : nothing
        }
      </div>
      ${
        this.data
          ? this.renderOrder(this.data)
          : this.error
            ? html`<p class="error" role="alert">${this.error}</p>`
            : html`<p role="status">Bestellung wird geladen …</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-order-page': AdminOrderPage;
  }
}
