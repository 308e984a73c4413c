import type { Address, Contact } from './order.js';
import { addressSchema, contactSchema } from './order-schema.js';

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

/** The same schemas the server checks with, so a message here is the one the server would give. */
export function validateDetails(details: CheckoutDetails): FieldErrors {
  const errors: FieldErrors = {};
  for (const [prefix, result] of [
    ['contact', contactSchema.safeParse(details.contact)],
    ['address', addressSchema.safeParse(details.address)],
  ] as const) {
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const name = `${prefix}.${issue.path.join('.')}`;
      errors[name] ??= issue.message;
    }
  }
  return errors;
}

/** The details as the order carries them: trimmed, empty optional fields left out. */
export function cleanDetails(details: CheckoutDetails): CheckoutDetails {
  const contact = contactSchema.parse(details.contact);
  const { extra, ...address } = addressSchema.parse(details.address);
  return {
    contact: { email: contact.email, ...(contact.phone ? { phone: contact.phone } : {}) },
    address: extra ? { ...address, extra } : address,
  };
}
