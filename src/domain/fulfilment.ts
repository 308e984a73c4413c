/**
 * What happens to an order after the shop has taken it: the states staff move it through, the
 * carriers it ships with, and, for invoice orders, whether it is paid. Shared by the server, the back
 * office and the shopper's order page.
 */
export const FULFILMENT_STATES = ['confirmed', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
export type FulfilmentState = (typeof FULFILMENT_STATES)[number];

export const FULFILMENT_LABELS = {
  confirmed: 'Bestätigt',
  processing: 'In Bearbeitung',
  shipped: 'Versendet',
  delivered: 'Zugestellt',
  cancelled: 'Storniert',
} as const satisfies Record<FulfilmentState, string>;

/** The states each state may move to; anything else is refused (409 illegal-transition). */
export const TRANSITIONS = {
  confirmed: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
} as const satisfies Record<FulfilmentState, readonly FulfilmentState[]>;

export const isFulfilmentState = (value: unknown): value is FulfilmentState =>
  typeof value === 'string' && (FULFILMENT_STATES as readonly string[]).includes(value);

export function canMove(from: FulfilmentState, to: FulfilmentState): boolean {
  return (TRANSITIONS[from] as readonly FulfilmentState[]).includes(to);
}

export const PAYMENT_STATES = ['open', 'paid'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];
export const PAYMENT_STATE_LABELS = { open: 'Offen', paid: 'Bezahlt' } as const satisfies Record<PaymentState, string>;

/** Parcel services German shops ship with, and where a shopper follows a parcel. */
export const CARRIERS = {
  dhl: { name: 'DHL', url: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=' },
  dpd: { name: 'DPD', url: 'https://tracking.dpd.de/status/de_DE/parcel/' },
  hermes: { name: 'Hermes', url: 'https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#' },
  gls: { name: 'GLS', url: 'https://gls-group.com/DE/de/paketverfolgung?match=' },
  ups: { name: 'UPS', url: 'https://www.ups.com/track?loc=de_DE&tracknum=' },
} as const;
export type Carrier = keyof typeof CARRIERS;
export const CARRIER_IDS = Object.keys(CARRIERS) as Carrier[];

/** The carrier's name for people; an id this version does not know is shown as it is. */
export const carrierName = (carrier: string): string =>
  Object.hasOwn(CARRIERS, carrier) ? CARRIERS[carrier as Carrier].name : carrier;

/** Letters and digits only: it is put into a carrier's URL. */
export const TRACKING_NUMBER = /^[A-Za-z0-9]{6,40}$/;

/** Once shipped: who carries it, its number and, when the carrier has one, a page to follow it. */
export interface Tracking {
  carrier: string;
  number: string;
  url: string | null;
}

export function tracking(carrier: Carrier, number: string): Tracking {
  return { carrier, number, url: `${CARRIERS[carrier].url}${encodeURIComponent(number)}` };
}
