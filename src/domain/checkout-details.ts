import { addressSchema, contactSchema } from './order-schema.js';
import type { CheckoutDetails, FieldErrors } from './checkout-fields.js';

// The checkout's rules, with zod: loaded beside the checkout's first view, not in it
// (src/services/checkout-rules.ts); the fields and their types are in checkout-fields.ts.
export { emptyDetails, type CheckoutDetails, type FieldErrors } from './checkout-fields.js';

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
