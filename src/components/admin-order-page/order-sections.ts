import { html, nothing } from 'lit';
import { formatDateTime } from '../../admin/format.js';
import { lineTitle } from '../../admin/product-titles.js';
import type { AdminOrder, OrderEvent } from '../../domain/admin-api.js';
import { FULFILMENT_LABELS, carrierName, isFulfilmentState } from '../../domain/fulfilment.js';
import { formatEuro } from '../../domain/money.js';

/** The parts of the order page that only show the order: items, totals, address, payment, timeline. */

// Not imported from domain/order.ts: that module brings the order schemas (zod) the back office never runs.
const PAYMENT_LABELS: Record<string, string> = { invoice: 'Rechnung', 'cash-on-delivery': 'Nachnahme' };
const SHIPPING = { standard: 'Standardversand', express: 'Expressversand' } as Record<string, string>;

export function renderItems(order: AdminOrder, titles: Map<string, string>) {
  const { quote } = order;
  return html`<table>
    <caption class="visually-hidden">
      Bestellte Artikel
    </caption>
    <thead>
      <tr>
        <th scope="col">Artikel</th>
        <th scope="col" class="number">Menge</th>
        <th scope="col" class="number wide">Einzelpreis</th>
        <th scope="col" class="number">Summe</th>
      </tr>
    </thead>
    <tbody>
      ${quote.lines.map(
        (line) =>
          html`<tr>
            <td>
              ${lineTitle(titles, line.productId, line.variantId)}
              <span class="sub"
                >${line.productId}${line.variantId ? ` / ${line.variantId}` : ''} · ${line.vatRate} % MwSt.</span
              >
              ${line.adjustments.map((a) => html`<span class="sub">${a.label}: −${formatEuro(a.amount)}</span>`)}
            </td>
            <td class="number">${line.quantity}</td>
            <td class="number wide">${formatEuro(line.unitPrice)}</td>
            <td class="number">${formatEuro(line.total)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function renderTotals(order: AdminOrder) {
  const { quote } = order;
  const shipping = SHIPPING[quote.shipping.method] ?? quote.shipping.method;
  return html`<dl class="totals">
      <dt>Zwischensumme</dt>
      <dd>${formatEuro(quote.subtotal)}</dd>
      ${quote.discounts.map(
        (d) =>
          html`<dt>${d.label}</dt>
            <dd>−${formatEuro(d.amount)}</dd>`,
      )}
      <dt>${shipping}</dt>
      <dd>${quote.shipping.price === 0 ? 'kostenlos' : formatEuro(quote.shipping.price)}</dd>
      <dt class="total">Gesamt</dt>
      <dd class="total">${formatEuro(quote.total)}</dd>
      ${quote.vat.map(
        (v) =>
          html`<dt class="vat">darin ${v.rate} % MwSt. (netto ${formatEuro(v.net)})</dt>
            <dd class="vat">${formatEuro(v.tax)}</dd>`,
      )}
    </dl>
    ${
      quote.coupons.length > 0
        ? html`<p class="muted">Gutscheine: ${quote.coupons.map((c) => c.code).join(', ')}</p>`
        : nothing
    }`;
}

export function renderAddress(order: AdminOrder) {
  const { shippingAddress: a, contact } = order.request;
  return html`<address>
      ${a.firstName} ${a.lastName}<br />
      ${a.street}<br />
      ${a.extra ? html`${a.extra}<br />` : nothing} ${a.postalCode} ${a.city}<br />
      Deutschland
    </address>
    <p>
      <a href=${`mailto:${contact.email}`}>${contact.email}</a>
      ${contact.phone ? html`<br />Telefon: ${contact.phone}` : nothing}
    </p>`;
}

export function renderPayment(order: AdminOrder) {
  return html`<p>
    ${PAYMENT_LABELS[order.payment] ?? order.payment}
    ${
      order.payment === 'invoice'
        ? html`<br /><strong data-testid="payment-state">${order.paymentState === 'paid' ? 'Bezahlt' : 'Offen'}</strong
            >${order.paidAt ? ` am ${formatDateTime(order.paidAt)}` : ''}`
        : nothing
    }
  </p>`;
}

const ACTIONS: Record<string, string> = {
  placed: 'Bestellt',
  state: 'Status',
  payment: 'Zahlung',
};

const stateName = (s: string | null): string => (s && isFulfilmentState(s) ? FULFILMENT_LABELS[s] : (s ?? ''));

function eventText(event: OrderEvent): string {
  const parts: string[] = [];
  if (event.from || event.to) {
    parts.push(event.from ? `${stateName(event.from)} → ${stateName(event.to)}` : stateName(event.to));
  }
  const d = event.details ?? {};
  if (typeof d['carrier'] === 'string') {
    parts.push(`${carrierName(d['carrier'])} ${String(d['trackingNumber'] ?? '')}`.trim());
  }
  if (typeof d['reason'] === 'string') parts.push(`Grund: ${d['reason']}`);
  if (typeof d['paidAt'] === 'string') parts.push(`bezahlt am ${formatDateTime(d['paidAt'])}`);
  return parts.join(' · ');
}

export function renderTimeline(events: OrderEvent[]) {
  if (events.length === 0) return html`<p class="muted">Noch keine Ereignisse.</p>`;
  return html`<ol class="timeline">
    ${events.map(
      (e) =>
        html`<li>
          <time datetime=${e.at}>${formatDateTime(e.at)}</time>
          <strong>${ACTIONS[e.action] ?? e.action}</strong>
          ${eventText(e)} ${e.actor ? html`<span class="sub">von ${e.actor}</span>` : nothing}
        </li>`,
    )}
  </ol>`;
}
