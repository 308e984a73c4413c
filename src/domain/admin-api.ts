import type { FulfilmentState, PaymentState, Tracking } from './fulfilment.js';
import type { OrderRequest } from './order.js';
import type { Quote } from './quote.js';

/**
 * The JSON the back office API sends and the back office reads (docs/admin-api.md): written once for
 * both sides. Dates are ISO strings, money in cents.
 */

/** One line of the order list (`GET /api/admin/orders`). */
export interface OrderRow {
  id: string;
  placedAt: string;
  state: FulfilmentState;
  paymentState: PaymentState | null;
  name: string;
  email: string;
  total: number;
  items: number;
}

/** One order as staff see it (`GET /api/admin/orders/:id`). */
export interface AdminOrder {
  id: string;
  placedAt: string;
  state: FulfilmentState;
  stateChangedAt: string;
  version: number;
  payment: OrderRequest['payment'];
  paymentState: PaymentState | null;
  paidAt: string | null;
  request: OrderRequest;
  quote: Quote;
  tracking: Tracking | null;
  cancellation: { reason: string } | null;
}

/** One step in an order's history. */
export interface OrderEvent {
  at: string;
  actor: string;
  action: 'placed' | 'state' | 'payment';
  from: string | null;
  to: string | null;
  details: Record<string, string>;
}

/** One sellable item's stock (`GET /api/admin/stock`); `sku` is the product id or "productId/variantId". */
export interface StockItem {
  sku: string;
  productId: string;
  variantId: string | null;
  title: string;
  available: number;
  updatedAt: string;
}

export const MAIL_STATES = ['queued', 'sent', 'failed'] as const;
export type MailState = (typeof MAIL_STATES)[number];

/** One mail of the outbox (`GET /api/admin/mail`). */
export interface MailSummary {
  id: string;
  kind: string;
  orderId: string | null;
  to: string;
  subject: string;
  state: MailState;
  attempts: number;
  /** The mail server's last answer. */
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
