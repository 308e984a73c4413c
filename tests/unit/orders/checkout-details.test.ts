import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cleanDetails,
  emptyDetails,
  validateDetails,
  type CheckoutDetails,
} from '../../../src/domain/checkout-details.js';
import { orderRequestSchema } from '../../../src/domain/order-schema.js';

const filled = (): CheckoutDetails => ({
  contact: { email: ' erika@example.de ', phone: '' },
  address: {
    firstName: 'Erika',
    lastName: 'Mustermann',
    street: 'Heidestraße 17',
    extra: '',
    postalCode: '51147',
    city: 'Köln',
    country: 'DE',
  },
});

const withPostalCode = (postalCode: string): CheckoutDetails => {
  const details = filled();
  details.address.postalCode = postalCode;
  return details;
};

describe('checkout details (the rules the form and the server share)', () => {
  it('names every required field of an empty form with its own message', () => {
    expect(validateDetails(emptyDetails())).toEqual({
      'contact.email': expect.stringMatching(/E-Mail-Adresse/),
      'address.firstName': 'Bitte den Vornamen angeben.',
      'address.lastName': 'Bitte den Nachnamen angeben.',
      'address.street': 'Bitte Straße und Hausnummer angeben.',
      'address.postalCode': expect.stringMatching(/fünfstellige Postleitzahl/),
      'address.city': 'Bitte den Ort angeben.',
    });
  });

  it('accepts every German postal code from 01001 to 99998', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1001, max: 99998 }), (n) => {
        expect(validateDetails(withPostalCode(String(n).padStart(5, '0')))).toEqual({});
      }),
      { numRuns: 500 },
    );
  });

  it.each(['1234', '123456', '00123', '1234a', 'D-10115', ''])('refuses the postal code "%s"', (code) => {
    expect(validateDetails(withPostalCode(code))['address.postalCode']).toMatch(/fünfstellige Postleitzahl/);
  });

  it('wants a house number with the street', () => {
    const details = filled();
    details.address.street = 'Heidestraße';
    expect(validateDetails(details)['address.street']).toBe('Bitte Straße und Hausnummer angeben.');
    details.address.street = '17';
    expect(validateDetails(details)['address.street']).toBe('Bitte Straße und Hausnummer angeben.');
  });

  it('refuses a phone number with letters but takes the usual German notations', () => {
    const details = filled();
    for (const phone of ['+49 221 1234567', '0221/123 45 67', '(0221) 12-34']) {
      details.contact.phone = phone;
      expect(validateDetails(details), phone).toEqual({});
    }
    details.contact.phone = 'ruf mich an';
    expect(validateDetails(details)['contact.phone']).toMatch(/Ziffern/);
  });

  it('trims the details and leaves empty optional fields out of the order, which the server then accepts', () => {
    const { contact, address } = cleanDetails(filled());
    expect(contact).toEqual({ email: 'erika@example.de' });
    expect(address).not.toHaveProperty('extra');
    const request = {
      cart: { lines: [{ productId: 'p00001', quantity: 1 }], coupons: [], shipping: 'standard' },
      contact,
      shippingAddress: address,
      payment: 'invoice',
      expectedTotal: 1999,
    };
    expect(orderRequestSchema.safeParse(request).success).toBe(true);
  });
});
