import { formatEuro } from '../../domain/money.js';
import { PAYMENT_LABELS, type PlacedOrder } from '../../domain/order.js';
import type { QuoteLine } from '../../domain/quote.js';
import { renderHtml, renderText, type Block, type MailDocument } from './document.js';

/** How the mails name an ordered article: "Produkt (Variante)". */
export type LineTitle = (line: Pick<QuoteLine, 'productId' | 'variantId'>) => string;

const SHIPPING = { standard: 'Standardversand (2–4 Werktage)', express: 'Expressversand (1 Werktag)' } as const;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const render = (doc: MailDocument): RenderedMail => ({
  subject: doc.subject,
  text: renderText(doc),
  html: renderHtml(doc),
});

const fullName = (order: PlacedOrder) =>
  `${order.request.shippingAddress.firstName} ${order.request.shippingAddress.lastName}`;

function addressLines(order: PlacedOrder): string[] {
  const a = order.request.shippingAddress;
  return [fullName(order), a.street, ...(a.extra ? [a.extra] : []), `${a.postalCode} ${a.city}`, 'Deutschland'];
}

/** Articles, discounts, shipping, total and the VAT it contains: the figures of the stored quote. */
function figures(order: PlacedOrder, titleOf: LineTitle): Block[] {
  const quote = order.quote;
  const shippingLabel = SHIPPING[order.request.cart.shipping];
  return [
    {
      kind: 'table',
      rows: [
        ...quote.lines.map((line) => ({
          label: `${line.quantity} × ${titleOf(line)}`,
          detail: `je ${formatEuro(line.unitPrice)}${line.discount > 0 ? `, abzüglich ${formatEuro(line.discount)}` : ''}`,
          amount: formatEuro(line.total),
        })),
        { label: 'Zwischensumme', amount: formatEuro(quote.subtotal) },
        ...quote.discounts.map((d) => ({ label: d.label, amount: `−${formatEuro(d.amount)}` })),
        {
          label: shippingLabel,
          ...(quote.shipping.price === 0 && quote.shipping.label ? { detail: quote.shipping.label } : {}),
          amount: quote.shipping.price === 0 ? 'kostenlos' : formatEuro(quote.shipping.price),
        },
        { label: 'Gesamtsumme', amount: formatEuro(quote.total), strong: true },
        ...quote.vat.map((row) => ({ label: `darin enthalten ${row.rate} % MwSt.`, amount: formatEuro(row.tax) })),
      ],
    },
  ];
}

export function confirmationMail(order: PlacedOrder, orderUrl: string, titleOf: LineTitle): RenderedMail {
  const payment = order.request.payment;
  return render({
    subject: `Ihre Bestellung ${order.id} bei Laden`,
    blocks: [
      { kind: 'heading', text: 'Vielen Dank für Ihre Bestellung!' },
      { kind: 'paragraph', text: `Guten Tag ${fullName(order)},` },
      {
        kind: 'paragraph',
        text: `wir haben Ihre Bestellung ${order.id} vom ${placedOn(order)} erhalten. Sie enthält:`,
      },
      ...figures(order, titleOf),
      { kind: 'lines', title: 'Lieferadresse', lines: addressLines(order) },
      {
        kind: 'lines',
        title: 'Zahlung',
        lines: [
          payment === 'invoice'
            ? `${PAYMENT_LABELS.invoice}: Die Rechnung liegt der Lieferung bei; bitte zahlen Sie innerhalb von 14 Tagen.`
            : `${PAYMENT_LABELS['cash-on-delivery']}: Sie zahlen ${formatEuro(order.quote.total)} bei der Zustellung.`,
        ],
      },
      { kind: 'link', text: 'Ihre Bestellung im Shop ansehen', href: orderUrl },
      { kind: 'paragraph', text: 'Wir melden uns wieder, sobald Ihr Paket unterwegs ist.' },
    ],
  });
}

export interface Tracking {
  carrier: string;
  number: string;
  url?: string;
}

export function shippedMail(order: PlacedOrder, tracking: Tracking, orderUrl: string): RenderedMail {
  return render({
    subject: `Ihre Bestellung ${order.id} ist unterwegs`,
    blocks: [
      { kind: 'heading', text: 'Ihre Bestellung ist unterwegs' },
      { kind: 'paragraph', text: `Guten Tag ${fullName(order)},` },
      {
        kind: 'paragraph',
        text: `Ihre Bestellung ${order.id} hat unser Lager verlassen und ist mit ${tracking.carrier} unterwegs zu Ihnen.`,
      },
      { kind: 'lines', title: 'Sendungsnummer', lines: [`${tracking.carrier}: ${tracking.number}`] },
      ...(tracking.url ? [{ kind: 'link' as const, text: 'Sendung verfolgen', href: tracking.url }] : []),
      { kind: 'lines', title: 'Lieferadresse', lines: addressLines(order) },
      { kind: 'link', text: 'Ihre Bestellung im Shop ansehen', href: orderUrl },
    ],
  });
}

export function cancelledMail(order: PlacedOrder, reason: string, orderUrl: string, paid: boolean): RenderedMail {
  const total = formatEuro(order.quote.total);
  const money =
    order.request.payment === 'cash-on-delivery'
      ? 'Sie haben per Nachnahme bestellt: Es wird nichts zugestellt, und es fallen für Sie keine Kosten an.'
      : paid
        ? `Den bereits bezahlten Rechnungsbetrag von ${total} erstatten wir Ihnen innerhalb von 14 Tagen auf das Konto, von dem Sie gezahlt haben.`
        : `Die Rechnung über ${total} ist damit hinfällig; bitte überweisen Sie nichts. Haben Sie schon gezahlt, erstatten wir den Betrag innerhalb von 14 Tagen auf das Konto, von dem Sie gezahlt haben.`;
  return render({
    subject: `Ihre Bestellung ${order.id} wurde storniert`,
    blocks: [
      { kind: 'heading', text: 'Ihre Bestellung wurde storniert' },
      { kind: 'paragraph', text: `Guten Tag ${fullName(order)},` },
      { kind: 'paragraph', text: `wir haben Ihre Bestellung ${order.id} vom ${placedOn(order)} storniert.` },
      { kind: 'lines', title: 'Grund', lines: [reason] },
      { kind: 'paragraph', text: money },
      { kind: 'link', text: 'Ihre Bestellung im Shop ansehen', href: orderUrl },
      { kind: 'paragraph', text: 'Bei Fragen antworten Sie einfach auf diese E-Mail.' },
    ],
  });
}

const day = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' });
const placedOn = (order: PlacedOrder) => day.format(new Date(order.placedAt));
