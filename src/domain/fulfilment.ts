/**
 * An order's way from the shop to the shopper's door, as the back office moves it and the shopper
 * sees it: confirmed → processing → shipped (carrier and tracking number) → delivered; cancelled
 * (with a reason) from confirmed or processing. The stored values are the server's (docs/admin-api.md).
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

/** The transitions the server allows, in the order the back office offers them. */
export const TRANSITIONS = {
  confirmed: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
} as const satisfies Record<FulfilmentState, readonly FulfilmentState[]>;

export const isFulfilmentState = (value: unknown): value is FulfilmentState =>
  typeof value === 'string' && (FULFILMENT_STATES as readonly string[]).includes(value);

/** Once shipped: who carries it, its number and, when the carrier has one, a page to follow it. */
export interface Tracking {
  carrier: string;
  number: string;
  url: string | null;
}
