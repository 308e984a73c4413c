import { describe, expect, it } from 'vitest';
import { waitForServiceWorker } from './support/service-worker.js';
import { OWNER, addVirtualAuthenticator, shopperOrders, signInWithPassword, useAdminShop } from './admin-helpers.js';

describe('the back office: staff sign in and ship an order to the shopper', () => {
  const fixture = useAdminShop('admin-orders');

  it('signs in with a password, registers a passkey, signs in with it and ships the order a shopper just placed', async () => {
    const shopper = await shopperOrders(fixture.browser, fixture.url);

    const context = await fixture.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The back office runs under the shop's Content-Security-Policy and Trusted Types, without a violation.
    await page.exposeFunction('reportViolation', (text: string) => errors.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        void (window as unknown as { reportViolation(t: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    const authenticator = await addVirtualAuthenticator(page);

    // Signed out, the back office sends to its sign-in page; a wrong password says nothing about which part was wrong.
    await page.goto(`${fixture.url}/admin/orders`);
    await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.getByLabel('E-Mail-Adresse').fill(OWNER.email);
    await page.getByLabel('Passwort').fill('falsch-falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();

    // Password, then the offer to make a passkey.
    await signInWithPassword(page, fixture.url);
    await page.getByRole('heading', { name: 'Passkey einrichten', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
    await page.getByText('Der Passkey ist eingerichtet.').waitFor();
    expect(await authenticator.credentials()).toHaveLength(1);
    await page.getByRole('link', { name: 'Weiter' }).click();
    await page.getByRole('heading', { name: 'Bestellungen', level: 1 }).waitFor();

    // Signed out, and back in with the passkey alone.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
    await page.getByRole('heading', { name: 'Bestellungen', level: 1 }).waitFor();
    expect(await page.getByText(OWNER.email).count()).toBe(1);

    // The shopper's order, found by its number.
    await page.getByLabel('Suche').fill(shopper.number);
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    // The same selection as CSV, with the session's cookie.
    const csv = page.getByRole('link', { name: 'Als CSV exportieren' });
    expect(await csv.getAttribute('href')).toBe(`/api/admin/orders.csv?q=${shopper.number}`);
    const rows = await page.evaluate(
      async (href) => (await (await fetch(href)).text()).trim().split(/\r?\n/),
      '/api/admin/orders.csv?q=' + shopper.number,
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(shopper.number);
    await page.getByRole('link', { name: shopper.number }).click();
    await page.getByRole('heading', { name: `Bestellung ${shopper.number}`, level: 1 }).waitFor();
    // The heading comes from the list at once; the address and contact arrive with the order's details.
    await page.getByText('Erika Mustermann').first().waitFor();
    await page.getByText('erika@example.de').first().waitFor();
    expect(await page.getByTestId('admin-order-state').textContent()).toBe('Bestätigt');

    // Each step asks first; shipping asks carrier and tracking number and refuses without them.
    await page.getByRole('button', { name: 'In Bearbeitung' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Als „In Bearbeitung“ speichern' }).click();
    await expect.poll(() => page.getByTestId('admin-order-state').textContent()).toBe('In Bearbeitung');
    await page.getByRole('button', { name: 'Versendet' }).click();
    await dialog.getByRole('button', { name: 'Als „Versendet“ speichern' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Bitte den Versanddienst angeben.' }).waitFor();
    await dialog.getByLabel('Versanddienst').selectOption('dhl');
    await dialog.getByLabel('Sendungsnummer').fill('00340434161094042557');
    await dialog.getByRole('button', { name: 'Als „Versendet“ speichern' }).click();
    await expect.poll(() => page.getByTestId('admin-order-state').textContent()).toBe('Versendet');
    expect(await dialog.count()).toBe(0);
    expect(await page.getByText('00340434161094042557').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);

    // The shopper sees it on the order page and in the history.
    await shopper.page.goto(`${fixture.url}/orders/${shopper.key}`);
    await expect.poll(() => shopper.page.getByTestId('order-state').textContent()).toBe('Versendet');
    expect(await shopper.page.getByTestId('tracking-number').textContent()).toBe('00340434161094042557');
    expect(await shopper.page.getByRole('heading', { level: 1 }).textContent()).toBe(`Bestellung ${shopper.number}`);
    expect(await shopper.page.getByTestId('order-fulfilment').textContent()).toContain('DHL');
    await shopper.page.goto(`${fixture.url}/orders`);
    await expect.poll(() => shopper.page.getByTestId('order-state').first().textContent()).toBe('Versendet');
    // Offline, the order page still shows the last known state, and from when it is.
    await waitForServiceWorker(shopper.page);
    await shopper.context.setOffline(true);
    await shopper.page.goto(`${fixture.url}/orders/${shopper.key}`);
    await expect.poll(() => shopper.page.getByTestId('order-state').textContent()).toBe('Versendet');
    expect(await shopper.page.getByTestId('order-fulfilment').textContent()).toMatch(
      /Offline – letzter bekannter Stand vom \d{2}\.\d{2}\.\d{4}/,
    );
    await context.close();
    await shopper.context.close();
  });

  it('reloads an order someone else changed meanwhile and says so (409)', async () => {
    const shopper = await shopperOrders(fixture.browser, fixture.url);
    await shopper.context.close();
    const context = await fixture.browser.newContext({ locale: 'de-DE' });
    await signInWithPassword(await context.newPage(), fixture.url);
    const [first, second] = [await context.newPage(), await context.newPage()];
    for (const page of [first, second]) {
      await page.goto(`${fixture.url}/admin/orders/${shopper.number}`);
      await page.getByRole('heading', { name: `Bestellung ${shopper.number}` }).waitFor();
    }
    await first.getByRole('button', { name: 'In Bearbeitung' }).click();
    await first.getByRole('dialog').getByRole('button', { name: 'Als „In Bearbeitung“ speichern' }).click();
    await expect.poll(() => first.getByTestId('admin-order-state').textContent()).toBe('In Bearbeitung');

    // The second page still shows "Bestätigt" and offers to cancel; the server refuses its stale version.
    await second.getByRole('button', { name: 'Storniert' }).click();
    await second.getByRole('dialog').getByLabel('Grund der Stornierung').fill('Kundin hat angerufen');
    await second.getByRole('dialog').getByRole('button', { name: 'Stornieren' }).click();
    await second.getByText('Die Bestellung wurde inzwischen geändert und ist neu geladen.').waitFor();
    expect(await second.getByTestId('admin-order-state').textContent()).toBe('In Bearbeitung');
    await context.close();
  });

  it('says how long to wait after too many failed sign-ins (429), with the same words for every wrong guess', async () => {
    const context = await fixture.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${fixture.url}/admin/login`);
    let status = 0;
    for (let attempt = 0; attempt < 15 && status !== 429; attempt++) {
      await page.getByLabel('E-Mail-Adresse').fill('niemand@laden.example');
      await page.getByLabel('Passwort').fill('falsch-falsch-falsch');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/admin/session') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Anmelden', exact: true }).click(),
      ]);
      status = response.status();
      if (status === 401) {
        await page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();
      }
    }
    expect(status).toBe(429);
    await page
      .getByRole('alert')
      .filter({ hasText: /Zu viele Anmeldeversuche\. Bitte warten Sie \d+ Sekunden?/ })
      .waitFor();
    await context.close();
  });
});
