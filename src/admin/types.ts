import type { AdminOrder, OrderEvent } from '../domain/admin-api.js';

/**
 * What the back office API answers about staff, sign-in and the audit log (docs/admin-api.md); the
 * shapes the server's stores also use live in domain/admin-api.ts. Dates are ISO strings.
 */

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
