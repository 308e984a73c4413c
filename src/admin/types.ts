import type { FulfilmentState, Tracking } from '../domain/fulfilment.js';
import type { OrderRequest } from '../domain/order.js';
import type { Quote } from '../domain/quote.js';

/** What the back office API answers (docs/admin-api.md); dates are ISO strings, money in cents. */

export type StaffRole = 'owner' | 'staff';

export interface Staff {
  id: string;
  email: string;
  role: StaffRole;
}

export interface StaffMember extends Staff {
  createdAt: string;
  passkeys: number;
}

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export type PaymentState = 'open' | 'paid';

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

export interface AdminOrder {
  id: string;
  placedAt: string;
  state: FulfilmentState;
  version: number;
  payment: OrderRequest['payment'];
  paymentState: PaymentState | null;
  paidAt: string | null;
  request: OrderRequest;
  quote: Quote;
  tracking: Tracking | null;
  cancellation: { reason: string } | null;
}

export interface OrderEvent {
  at: string;
  actor: string | null;
  action: string;
  from: string | null;
  to: string | null;
  details: Record<string, unknown> | null;
}

export interface OrderWithEvents {
  order: AdminOrder;
  events: OrderEvent[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  address: string | null;
}

export interface Page<T> {
  next: string | null;
  items: T[];
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

export type MailState = 'queued' | 'sent' | 'failed';

/** One mail of the outbox (`GET /api/admin/mail`). */
export interface OutboxMail {
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
