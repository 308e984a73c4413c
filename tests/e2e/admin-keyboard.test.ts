import { describe, expect, it } from 'vitest';
import { OWNER, focused, shopperOrders, tabTo, useAdminShop } from './admin-helpers.js';

describe('the back office by keyboard alone', () => {
  const fixture = useAdminShop('admin-keyboard');

  it('signs in, finds an order, moves it to shipped and signs out without a mouse', async () => {
    const shopper = await shopperOrders(fixture.browser, fixture.url);
    await shopper.context.close();
    const context = await fixture.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const { keyboard } = page;
    const state = () => page.getByTestId('admin-order-state').textContent();

    // The sign-in page starts in the e-mail field.
    await page.goto(`${fixture.url}/admin/login`);
    await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
    await expect.poll(async () => (await focused(page)).label).toBe('E-Mail-Adresse');
    await keyboard.type(OWNER.email);
    await keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Passwort');
    await keyboard.type(OWNER.password);
    await keyboard.press('Enter');

    // The passkey offer can be put off; every new page puts the focus on its heading.
    await page.getByRole('heading', { name: 'Passkey einrichten', level: 1 }).waitFor();
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Später');
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bestellungen', level: 1 }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: 'Bestellungen' });

    await tabTo(page, (f) => f.label === 'Suche');
    await keyboard.type(shopper.number);
    await keyboard.press('Enter');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await tabTo(page, (f) => f.tag === 'a' && f.text === shopper.number);
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: `Bestellung ${shopper.number}`, level: 1 }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: `Bestellung ${shopper.number}` });

    // A step opens its dialog; Escape closes it with nothing changed and the focus back on the button.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'In Bearbeitung');
    await keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'In Bearbeitung' });
    expect(await state()).toBe('Bestätigt');

    await keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Als „In Bearbeitung“ speichern');
    await keyboard.press('Enter');
    await expect.poll(state).toBe('In Bearbeitung');

    // Shipping: the dialog starts in its first field; Enter in the last one saves.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Versendet');
    await keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).label).toBe('Versanddienst');
    // A closed select picks by typing, as it does for a keyboard user.
    await keyboard.type('DHL');
    await keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Sendungsnummer');
    await keyboard.type('00340434161094042557');
    await keyboard.press('Enter');
    await expect.poll(state).toBe('Versendet');

    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Abmelden', { back: true });
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
    await context.close();
  });
});
