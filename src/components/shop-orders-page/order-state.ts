import { FULFILMENT_LABELS } from '../../domain/fulfilment.js';
import type { ShopOrder } from '../../domain/order.js';
import { lazyFormat } from '../../domain/lazy-format.js';

/** A short German label for the order's state, as the history and the order page show it. */
export function stateLabel(order: ShopOrder, online: boolean): string {
  switch (order.state) {
    case 'pending':
      if (!online) return 'Wird gesendet, sobald du online bist';
      return order.lastError ? 'Wird erneut gesendet' : 'Wird gesendet …';
    case 'sent':
      return 'Gesendet, wartet auf Bestätigung';
    case 'confirmed':
      // Its way to the door once the shop works on it (the last state heard from the server).
      return order.fulfilment ? FULFILMENT_LABELS[order.fulfilment.state] : 'Bestätigt';
    case 'rejected':
      if (order.resolution?.action === 'reordered') return 'Abgelehnt, neu bestellt';
      if (order.resolution?.action === 'returned-to-cart') return 'Abgelehnt, zurück im Warenkorb';
      return 'Abgelehnt';
  }
}

const dateTime = lazyFormat(() => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }));

export const formatOrderDate = (ms: number): string => dateTime().format(ms);

/** The order number once the server gave one; until then the order is known by its date. */
export const orderName = (order: ShopOrder): string =>
  order.order ? `Bestellung ${order.order.id}` : `Bestellung vom ${formatOrderDate(order.createdAt)}`;
