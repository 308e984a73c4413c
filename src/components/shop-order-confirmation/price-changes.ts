import { html, nothing } from 'lit';
import { lineKey } from '../../domain/cart.js';
import { formatEuro } from '../../domain/money.js';
import type { Quote } from '../../domain/quote.js';
import { lineTitle, type ProductTitles } from '../shop-checkout-page/order-breakdown.js';

/** One row per figure that differs between what the shopper saw and what the server charges now. */
export function renderPriceChanges(seen: Quote, now: Quote, catalog: ProductTitles | undefined) {
  const before = new Map(seen.lines.map((l) => [lineKey(l), l]));
  const rows = now.lines
    .map((line) => ({ line, old: before.get(lineKey(line)) }))
    .filter(({ line, old }) => !old || old.total !== line.total)
    .map(
      ({ line, old }) =>
        html`<tr>
          <th scope="row">${line.quantity} × ${lineTitle(line, catalog)}</th>
          <td>${old ? formatEuro(old.total) : '–'}</td>
          <td>${formatEuro(line.total)}</td>
        </tr>`,
    );
  return html`<table class="changes">
    <caption>
      Was sich geändert hat
    </caption>
    <thead>
      <tr>
        <th scope="col">Position</th>
        <th scope="col">Bisher</th>
        <th scope="col">Jetzt</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
      ${
        seen.shipping.price !== now.shipping.price
          ? html`<tr>
              <th scope="row">Versand</th>
              <td>${formatEuro(seen.shipping.price)}</td>
              <td>${formatEuro(now.shipping.price)}</td>
            </tr>`
          : nothing
      }
      <tr class="grand">
        <th scope="row">Gesamtsumme</th>
        <td data-testid="old-total">${formatEuro(seen.total)}</td>
        <td data-testid="new-total">${formatEuro(now.total)}</td>
      </tr>
    </tbody>
  </table>`;
}
