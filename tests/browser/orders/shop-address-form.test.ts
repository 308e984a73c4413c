import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../src/components/shop-address-form/shop-address-form.js';
import type { ShopAddressForm } from '../../../src/components/shop-address-form/shop-address-form.js';
import type { CheckoutDetails } from '../../../src/domain/checkout-details.js';
import { AddressChangeEvent } from '../../../src/events/address-change.js';

async function mount(): Promise<{ form: ShopAddressForm; changes: CheckoutDetails[] }> {
  const form = document.createElement('shop-address-form');
  const changes: CheckoutDetails[] = [];
  form.addEventListener(AddressChangeEvent.eventName, (e) => changes.push(e.details));
  document.body.append(form);
  await form.updateComplete;
  return { form, changes };
}

const field = (form: ShopAddressForm, name: string) =>
  form.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const messageOf = (form: ShopAddressForm, name: string) => {
  const input = field(form, name);
  return form.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!.textContent!.trim();
};

describe('<shop-address-form>', () => {
  afterEach(() => document.body.replaceChildren());

  it('labels every field and gives browsers the shipping autocomplete tokens', async () => {
    const { form } = await mount();
    const tokens = Object.fromEntries(
      [...form.shadowRoot!.querySelectorAll('input')].map((i) => [
        form.shadowRoot!.querySelector(`label[for="${i.id}"]`)!.textContent!.replace(/\s+/g, ' ').trim(),
        i.autocomplete,
      ]),
    );
    expect(tokens).toEqual({
      'E-Mail-Adresse': 'email',
      'Telefon (optional)': 'tel',
      Vorname: 'shipping given-name',
      Nachname: 'shipping family-name',
      'Straße und Hausnummer': 'shipping address-line1',
      'Adresszusatz (optional)': 'shipping address-line2',
      PLZ: 'shipping postal-code',
      Ort: 'shipping address-level2',
    });
    expect(field(form, 'address.postalCode').inputMode).toBe('numeric');
  });

  it('says nothing while the shopper types, then puts each message beside its field on continue', async () => {
    const { form, changes } = await mount();
    await userEvent.type(field(form, 'address.postalCode'), '1011');
    await userEvent.tab();
    expect(messageOf(form, 'address.postalCode')).toBe('');
    expect(changes.at(-1)?.address.postalCode).toBe('1011');

    expect(await form.validate()).toBe(false);
    await form.updateComplete;
    expect(messageOf(form, 'address.postalCode')).toMatch(/fünfstellige Postleitzahl/);
    expect(messageOf(form, 'address.city')).toBe('Bitte den Ort angeben.');
    expect(messageOf(form, 'contact.phone')).toBe('');
    expect(field(form, 'address.postalCode').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => form.shadowRoot!.activeElement?.getAttribute('name')).toBe('contact.email');

    // Once shown, a message follows the typing and goes away when the field is right.
    await userEvent.type(field(form, 'address.postalCode'), '5');
    await form.updateComplete;
    expect(messageOf(form, 'address.postalCode')).toBe('');
    expect(field(form, 'address.postalCode').getAttribute('aria-invalid')).toBe('false');
  });

  it('accepts a complete German address', async () => {
    const { form } = await mount();
    const values: Record<string, string> = {
      'contact.email': 'erika@example.de',
      'address.firstName': 'Erika',
      'address.lastName': 'Mustermann',
      'address.street': 'Heidestraße 17',
      'address.postalCode': '01067',
      'address.city': 'Dresden',
    };
    for (const [name, value] of Object.entries(values)) await userEvent.fill(field(form, name), value);
    expect(await form.validate()).toBe(true);
    expect(form.value.address).toMatchObject({ postalCode: '01067', city: 'Dresden', country: 'DE' });
  });
});
