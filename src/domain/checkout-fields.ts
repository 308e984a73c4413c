import type { Address, Contact } from './order.js';

/** What the shopper types at the checkout: contact and shipping address. */
export interface CheckoutDetails {
  contact: Contact;
  address: Address;
}

export const emptyDetails = (): CheckoutDetails => ({
  contact: { email: '', phone: '' },
  address: { firstName: '', lastName: '', street: '', extra: '', postalCode: '', city: '', country: 'DE' },
});

/** Field name ("contact.email") to its first message; empty when everything is fine. */
export type FieldErrors = Partial<Record<string, string>>;
