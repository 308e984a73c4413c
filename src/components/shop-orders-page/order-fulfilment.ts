import { html, nothing } from 'lit';
import { carrierName } from '../../domain/fulfilment.js';
import type { ShopOrder } from '../../domain/order.js';
import { formatOrderDate } from './order-state.js';

/** Since when the order is in its state, its tracking once shipped, and offline how old that news is. */
/** `link: false` inside a link (the history's rows): the tracking number then stays plain text. */
export function renderFulfilment(order: ShopOrder, online: boolean, { link = true } = {}) {
  const f = order.fulfilment;
  if (order.state !== 'confirmed' || !f) return nothing;
  const tracking = f.tracking;
  return html`<span class="fulfilment" data-testid="order-fulfilment">
    seit ${formatOrderDate(Date.parse(f.changedAt))}
    ${
      tracking
        ? html`· ${carrierName(tracking.carrier)}, Sendungsnummer
          ${
            link && tracking.url
              ? html`<a href=${tracking.url} target="_blank" rel="noopener external" data-testid="tracking-number"
                  >${tracking.number}</a
                >`
              : html`<span data-testid="tracking-number">${tracking.number}</span>`
          }`
        : nothing
    }
    ${online ? nothing : html`<br />Offline – letzter bekannter Stand vom ${formatOrderDate(f.checkedAt)}`}
  </span>`;
}
