import { describe, expect, it } from 'vitest';
import { signInWithPassword, useAdminShop } from './admin-helpers.js';

const CLERK = { email: 'lager@laden.example', password: 'Regenschirm-Wochenmarkt-42' };

describe('the back office: staff accounts and the audit log', () => {
  const fixture = useAdminShop('admin-staff');

  it("lets an owner add a staff member, who works on orders but sees no owner's pages, and remove them again", async () => {
    const ownerContext = await fixture.browser.newContext({ locale: 'de-DE' });
    const owner = await ownerContext.newPage();
    await signInWithPassword(owner, fixture.url);
    await owner.goto(`${fixture.url}/admin/staff`);
    await owner.getByRole('heading', { name: 'Personal', level: 1 }).waitFor();

    // A password the policy refuses is explained; a good one gives access.
    await owner.getByLabel('E-Mail-Adresse').fill(CLERK.email);
    await owner.getByLabel('Erstes Passwort').fill('kurz');
    await owner.getByRole('button', { name: 'Zugang hinzufügen' }).click();
    await owner.getByRole('alert').waitFor();
    await owner.getByLabel('Erstes Passwort').fill(CLERK.password);
    await owner.getByRole('button', { name: 'Zugang hinzufügen' }).click();
    await owner.getByText(`${CLERK.email} hat jetzt Zugang zur Verwaltung.`).waitFor();
    await expect.poll(() => owner.getByRole('row', { name: new RegExp(CLERK.email) }).count()).toBe(1);

    const clerkContext = await fixture.browser.newContext({ locale: 'de-DE' });
    const clerk = await clerkContext.newPage();
    await signInWithPassword(clerk, fixture.url, CLERK);
    const nav = clerk.getByRole('navigation', { name: 'Verwaltung' });
    await nav.getByRole('link', { name: 'Bestellungen' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Personal' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Protokoll' }).count()).toBe(0);
    await clerk.goto(`${fixture.url}/admin/audit`);
    await clerk.getByRole('heading', { name: 'Keine Berechtigung', level: 1 }).waitFor();

    // Removing asks first; then the account is gone and its session with it.
    await owner
      .getByRole('row', { name: new RegExp(CLERK.email) })
      .getByRole('button', { name: /Entfernen/ })
      .click();
    await owner.getByRole('dialog').getByRole('button', { name: 'Zugang entfernen' }).click();
    await owner.getByText(`Der Zugang von ${CLERK.email} ist entfernt.`).waitFor();
    expect(await owner.getByRole('row', { name: new RegExp(CLERK.email) }).count()).toBe(0);
    await clerk.goto(`${fixture.url}/admin/orders`);
    await clerk.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();

    // The audit log shows who did it.
    await owner.goto(`${fixture.url}/admin/audit`);
    await owner.getByRole('heading', { name: 'Protokoll', level: 1 }).waitFor();
    await owner
      .getByRole('cell', { name: /Zugang entfernt/ })
      .first()
      .waitFor();
    await owner
      .getByRole('cell', { name: /Zugang hinzugefügt/ })
      .first()
      .waitFor();
    await ownerContext.close();
    await clerkContext.close();
  });
});
