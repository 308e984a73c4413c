import { randomBytes } from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so an order number read out on the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "L-7K3QM-2XR9D": 50 random bits, so order numbers can neither be guessed nor counted. */
export function newOrderId(): string {
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return `L-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export const ORDER_ID = /^L-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
