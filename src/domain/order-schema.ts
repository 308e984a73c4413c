import { z } from './zod.js';
import { MAX_COUPONS, MAX_QUANTITY, SHIPPING_METHODS } from './cart.js';
import { ID_PATTERN } from './catalog.js';
import { MAX_ORDER_LINES, PAYMENT_METHODS } from './order.js';

/**
 * The schemas of an order as the shop sends it to `POST /api/orders`. They are shared: the checkout
 * form shows their messages next to its fields, the server refuses what they refuse. Only the
 * checkout (loaded when it is opened) and the server import them.
 */

/**
 * Control characters (CR, LF, NUL, tab, C1), line and paragraph separators, and the bidirectional
 * overrides and isolates that make a name or street display as something other than what it is.
 */
const CONTROL = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const noControls = (value: string) => !CONTROL.test(value);
const NO_CONTROLS = 'Bitte ohne Zeilenumbrüche und Steuerzeichen angeben.';

/** Free text, checked as typed and then stored trimmed and NFC-normalised ("Müller" has one spelling). */
const plain = () => z.string().refine(noControls, NO_CONTROLS).trim().normalize('NFC');

const text = (what: string, max = 100) =>
  plain().min(1, `Bitte ${what} angeben.`).max(max, `Höchstens ${max} Zeichen.`);

/** A strict object whose refusal of unknown fields names them in German. */
const strict = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unbekannte Felder: ${issue.keys.join(', ')}.`
        : issue.code === 'invalid_type'
          ? 'Hier wird ein Objekt erwartet.'
          : undefined,
  });

export const addressSchema = strict({
  firstName: text('den Vornamen'),
  lastName: text('den Nachnamen'),
  // A German delivery needs a house number; "Hauptstr." alone cannot be delivered to.
  street: text('Straße und Hausnummer').regex(/\p{L}.*\d|\d.*\p{L}/u, 'Bitte Straße und Hausnummer angeben.'),
  extra: plain().max(100, 'Höchstens 100 Zeichen.').optional(),
  // Deutsche Post's postal codes run from 01001 to 99998: five digits, never 00….
  postalCode: plain().regex(/^(?!00)\d{5}$/, 'Bitte eine fünfstellige Postleitzahl angeben, z. B. 10115.'),
  city: text('den Ort'),
  country: z.literal('DE', 'Wir liefern nur innerhalb Deutschlands.'),
});

export const contactSchema = strict({
  // Pasted or autofilled addresses can carry spaces; they are not part of the address.
  email: plain().pipe(z.email('Bitte eine gültige E-Mail-Adresse angeben, z. B. name@beispiel.de.').max(254)),
  phone: plain()
    // Empty, or at least five digits written the ways Germans write them: +49 221 …, 0221/…, (0221) 12-34.
    .regex(/^$|^(?=(?:\D*\d){5})\+?[0-9 ()/-]{5,25}$/, 'Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.')
    .optional(),
});

// Letters, digits, '.', '_' and '-', starting with a letter or digit: never a path ("../"), never a control.
const id = z.string('Eine Artikelnummer ist Text.').regex(ID_PATTERN, 'Unbekanntes Format einer Artikelnummer.');

const QUANTITY = `Die Menge muss eine ganze Zahl von 1 bis ${MAX_QUANTITY} sein.`;

export const orderCartSchema = strict({
  lines: z
    .array(
      strict({
        productId: id,
        variantId: id.optional(),
        quantity: z.int(QUANTITY).min(1, QUANTITY).max(MAX_QUANTITY, QUANTITY),
      }),
      'Die Positionen müssen eine Liste sein.',
    )
    .min(1, 'Der Warenkorb ist leer.')
    .max(MAX_ORDER_LINES, `Höchstens ${MAX_ORDER_LINES} Positionen je Bestellung.`),
  coupons: z
    .array(plain().max(40, 'Ein Gutscheincode hat höchstens 40 Zeichen.'), 'Die Gutscheine müssen eine Liste sein.')
    .max(MAX_COUPONS, `Höchstens ${MAX_COUPONS} Gutscheine je Bestellung.`),
  shipping: z.enum(SHIPPING_METHODS, 'Unbekannte Versandart.'),
});

export const orderRequestSchema = strict({
  cart: orderCartSchema,
  contact: contactSchema,
  shippingAddress: addressSchema,
  payment: z.enum(PAYMENT_METHODS, 'Unbekannte Zahlungsart.'),
  /** The total the shopper saw and agreed to; the server refuses to charge anything else. */
  expectedTotal: z.int('Der erwartete Betrag muss eine ganze Zahl in Cent sein.').min(0),
});
