import { z } from 'zod';
import { MAX_COUPONS, MAX_QUANTITY, SHIPPING_METHODS } from './cart.js';
import { ID_PATTERN } from './catalog.js';
import type { FulfilmentState, Tracking } from './fulfilment.js';
import type { Quote } from './quote.js';

/**
 * An order as the shop sends it to `POST /api/orders`, and what the server answers. The schemas
 * are shared: the checkout form shows their messages next to its fields, the server refuses what
 * they refuse. Money is integer cents.
 */
export const PAYMENT_METHODS = ['invoice', 'cash-on-delivery'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_LABELS = { invoice: 'Rechnung', 'cash-on-delivery': 'Nachnahme' } as const satisfies Record<
  PaymentMethod,
  string
>;

/** The largest order body the server reads; the shop never gets near it (≤ 200 lines). */
export const MAX_ORDER_BYTES = 64 * 1024;

const text = (what: string, max = 100) =>
  z.string().trim().min(1, `Bitte ${what} angeben.`).max(max, `Höchstens ${max} Zeichen.`);

export const addressSchema = z.strictObject({
  firstName: text('den Vornamen'),
  lastName: text('den Nachnamen'),
  // A German delivery needs a house number; "Hauptstr." alone cannot be delivered to.
  street: text('Straße und Hausnummer').regex(/\p{L}.*\d|\d.*\p{L}/u, 'Bitte Straße und Hausnummer angeben.'),
  extra: z.string().trim().max(100, 'Höchstens 100 Zeichen.').optional(),
  // Deutsche Post's postal codes run from 01001 to 99998: five digits, never 00….
  postalCode: z
    .string()
    .trim()
    .regex(/^(?!00)\d{5}$/, 'Bitte eine fünfstellige Postleitzahl angeben, z. B. 10115.'),
  city: text('den Ort'),
  country: z.literal('DE', 'Wir liefern nur innerhalb Deutschlands.'),
});
export type Address = z.infer<typeof addressSchema>;

export const contactSchema = z.strictObject({
  // Pasted or autofilled addresses can carry spaces; they are not part of the address.
  email: z.string().trim().pipe(z.email('Bitte eine gültige E-Mail-Adresse angeben, z. B. name@beispiel.de.').max(254)),
  phone: z
    .string()
    .trim()
    // Empty, or at least five digits written the ways Germans write them: +49 221 …, 0221/…, (0221) 12-34.
    .regex(/^$|^(?=(?:\D*\d){5})\+?[0-9 ()/-]{5,25}$/, 'Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.')
    .optional(),
});
export type Contact = z.infer<typeof contactSchema>;

const id = z.string().regex(ID_PATTERN, 'Unbekanntes Format');

export const orderCartSchema = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        productId: id,
        variantId: id.optional(),
        quantity: z.int().min(1).max(MAX_QUANTITY),
      }),
    )
    .min(1, 'Der Warenkorb ist leer.')
    .max(500),
  coupons: z.array(z.string().trim().max(40)).max(MAX_COUPONS),
  shipping: z.enum(SHIPPING_METHODS),
});

export const orderRequestSchema = z.strictObject({
  cart: orderCartSchema,
  contact: contactSchema,
  shippingAddress: addressSchema,
  payment: z.enum(PAYMENT_METHODS),
  /** The total the shopper saw and agreed to; the server refuses to charge anything else. */
  expectedTotal: z.int().min(0),
});
export type OrderRequest = z.infer<typeof orderRequestSchema>;

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

export const ORDER_ERRORS = {
  badJson: 'bad-json',
  invalid: 'invalid',
  missingKey: 'missing-idempotency-key',
  keyReused: 'idempotency-key-reused',
  inProgress: 'in-progress',
  priceChanged: 'price-changed',
  unknownProduct: 'unknown-product',
  unorderable: 'unorderable',
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
}

export type OrderAnswer = { order: PlacedOrder } | OrderProblem;

/**
 * The shop's own record of an order, kept in the IndexedDB outbox from the moment the shopper orders:
 * - pending: stored on this device, waiting to be sent (offline, or after a failed attempt);
 * - sent: on its way to the server, no answer yet;
 * - confirmed: the server stored it (`order` holds its number);
 * - rejected: the server refused it (`problem` says why; the cart can be reviewed from `request`).
 */
export const ORDER_STATES = ['pending', 'sent', 'confirmed', 'rejected'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export interface ShopOrder {
  /** The Idempotency-Key: made once per order, sent with every attempt. */
  key: string;
  state: OrderState;
  request: OrderRequest;
  /** What the shopper saw when ordering. */
  quote: Quote;
  createdAt: number;
  attempts: number;
  /** Not before this time (ms) is the next attempt made; backoff after failures. */
  nextAttemptAt: number;
  /** The last failure the shopper should know about while it is retried (e.g. "Server nicht erreichbar"). */
  lastError?: string;
  order?: PlacedOrder;
  problem?: OrderProblem;
  /** What the shopper did about a rejected order, so it is shown as dealt with, never dropped. */
  resolution?: { action: 'reordered'; key: string } | { action: 'returned-to-cart' };
  /** A confirmed order's way to the door as the server last told it (kept for offline). */
  fulfilment?: OrderFulfilment;
}

export interface OrderFulfilment {
  state: FulfilmentState;
  /** When the shop moved it into this state (ISO). */
  changedAt: string;
  tracking: Tracking | null;
  /** When this device last heard it from the server (ms). */
  checkedAt: number;
}
