import { FULFILMENT_LABELS, PAYMENT_STATE_LABELS } from '../../domain/fulfilment.js';
import type { OrderRow } from '../../domain/admin-api.js';

export const CSV_HEADER = [
  'Bestellnummer',
  'Bestellt am',
  'Status',
  'Zahlungsstatus',
  'Name',
  'E-Mail',
  'Artikel',
  'Summe (EUR)',
];

const DATE = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/**
 * One field as Excel and LibreOffice read it with `;` as separator. Text a spreadsheet would take
 * for a formula (= + - @, tab, CR) gets a leading apostrophe, so a shopper's name cannot run one.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(';')}\r\n`;
}

export function csvRow(order: OrderRow): string {
  return csvLine([
    order.id,
    DATE.format(new Date(order.placedAt)),
    FULFILMENT_LABELS[order.state],
    order.paymentState ? PAYMENT_STATE_LABELS[order.paymentState] : '',
    order.name,
    order.email,
    String(order.items),
    euros(order.total),
  ]);
}
