// Types only: the schemas (and zod) load with the checkout and on the server, not with every page.
import type { z } from 'zod';
import type { addressSchema, contactSchema, orderRequestSchema } from './order-schema.js';
import type { FulfilmentState, Tracking } from './fulfilment.js';
import type { Quote } from './quote.js';
import type { StockShortage } from './stock.js';

/**
 * An order as the shop sends it to `POST /api/orders`, and what the server answers (the schemas are in
 * order-schema.ts). Money is integer cents.
 */
export const PAYMENT_METHODS = ['invoice', 'cash-on-delivery'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_LABELS = { invoice: 'Rechnung', 'cash-on-delivery': 'Nachnahme' } as const satisfies Record<
  PaymentMethod,
  string
>;

/** The largest order body the server reads; the shop never gets near it (≤ 200 lines). */
export const MAX_ORDER_BYTES = 64 * 1024;

/** The most lines one order may have; the shop's own carts stay far below it. */
export const MAX_ORDER_LINES = 500;

export type Address = z.output<typeof addressSchema>;
export type Contact = z.output<typeof contactSchema>;
export type OrderRequest = z.output<typeof orderRequestSchema>;

/**
 * An order the server has stored. It starts `confirmed`; staff move it on (src/domain/fulfilment.ts).
 * The shop adds its own states for orders not yet stored (see OrderState).
 */
export interface PlacedOrder {
  id: string;
  state: FulfilmentState;
  placedAt: string;
  request: OrderRequest;
  quote: Quote;
  /** When the state last changed (read back from the server; absent in the answer to placing it). */
  stateChangedAt?: string;
  /** Once shipped: where the parcel is followed. */
  tracking?: Tracking | null;
}

/**
 * An order as anyone holding its number sees it (the API's answers): the order number is read out on
 * the phone, so it is no secret, and these answers carry no name, address or contact details.
 */
export type PublicOrder = Omit<PlacedOrder, 'request'> & { request: PublicOrderRequest };

/** An order's request without the shopper: no name, address or contact details. */
export type PublicOrderRequest = Omit<OrderRequest, 'contact' | 'shippingAddress'>;

export const ORDER_ERRORS = {
  badJson: 'bad-json',
  invalid: 'invalid',
  missingKey: 'missing-idempotency-key',
  keyReused: 'idempotency-key-reused',
  inProgress: 'in-progress',
  priceChanged: 'price-changed',
  unknownProduct: 'unknown-product',
  unorderable: 'unorderable',
  outOfStock: 'out-of-stock',
  tooLarge: 'too-large',
  unavailable: 'unavailable',
  notFound: 'not-found',
} as const;
export type OrderErrorCode = (typeof ORDER_ERRORS)[keyof typeof ORDER_ERRORS];

/** Every refusal has a code for the shop and a German sentence for the shopper. */
export interface OrderProblem {
  error: OrderErrorCode;
  message: string;
  /** With `price-changed`: what the server would charge now. */
  quote?: Quote;
  /** With `invalid`: the field and its message. */
  issues?: { path: string; message: string }[];
  /** With `out-of-stock`: each line there is not enough of, and how many there are. */
  lines?: StockShortage[];
}

export type OrderAnswer = { order: PublicOrder } | OrderProblem;

/**
 * The shop's own record of an order, kept in the IndexedDB outbox from the moment the shopper orders:
 * - pending: stored on this device, waiting to be sent (offline, or after a failed attempt);
 * - sent: on its way to the server, no answer yet;
 * - confirmed: the server stored it (`order` holds its number);
 * - rejected: the server refused it (`problem` says why; the cart can be reviewed from `request`).
 */
export const ORDER_STATES = ['pending', 'sent', 'confirmed', 'rejected'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

interface OrderRecord {
  /** The Idempotency-Key: made once per order, sent with every attempt. */
  key: string;
  /** What the shopper saw when ordering. */
  quote: Quote;
  createdAt: number;
  attempts: number;
  /** Not before this time (ms) is the next attempt made; backoff after failures. */
  nextAttemptAt: number;
  /** The last failure the shopper should know about while it is retried (e.g. "Server nicht erreichbar"). */
  lastError?: string;
  problem?: OrderProblem;
  /** What the shopper did about a rejected order, so it is shown as dealt with, never dropped. */
  resolution?: { action: 'reordered'; key: string } | { action: 'returned-to-cart' };
  /** A confirmed order's way to the door as the server last told it (kept for offline). */
  fulfilment?: OrderFulfilment;
}

/** An order the server has not stored: it keeps all the shopper typed, to be sent (or ordered again). */
export interface OpenOrder extends OrderRecord {
  state: Exclude<OrderState, 'confirmed'>;
  request: OrderRequest;
  order?: undefined;
}

/**
 * An order the server stored. The device keeps what the order history shows and nothing of the
 * shopper: name, address and contact are in the confirmation mail and the shop's database
 * (src/domain/confirmed-order.ts, docs/privacy.md).
 */
export interface ConfirmedOrder extends OrderRecord {
  state: 'confirmed';
  request: PublicOrderRequest;
  order: PublicOrder;
}

export type ShopOrder = OpenOrder | ConfirmedOrder;

export interface OrderFulfilment {
  state: FulfilmentState;
  /** When the shop moved it into this state (ISO). */
  changedAt: string;
  tracking: Tracking | null;
  /** When this device last heard it from the server (ms). */
  checkedAt: number;
}
