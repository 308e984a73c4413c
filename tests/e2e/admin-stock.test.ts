import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/db/audit-store.js';
import { stockItem } from '../../src/server/db/stock-store.js';
import { builtCatalog, simpleProduct } from './checkout-helpers.js';
import { OWNER, signInWithPassword, useAdminShop } from './admin-helpers.js';

describe('stock in the back office', () => {
  const env = useAdminShop('admin-stock');
  const product = simpleProduct(builtCatalog(), 4);

  it('staff set an item’s stock with a reason; the shop shows it and the audit log has it', async () => {
    const context = await env.browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await signInWithPassword(page, env.url);
    await page.getByRole('link', { name: 'Bestand' }).click();
    await page.getByRole('heading', { name: 'Bestand', level: 1 }).waitFor();
    await page.getByLabel('Suche').fill(product.id);
    await page.getByRole('button', { name: 'Suchen' }).click();
    const row = page.getByRole('row', { name: new RegExp(product.id) });
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await row.getByRole('button', { name: /Ändern/ }).click();
    await page.getByLabel('Neuer Bestand').fill('1');
    await page.getByLabel('Grund').fill('Inventur: ein Stück beschädigt');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(/ist jetzt 1\./).waitFor();
    expect((await stockItem(env.shop.data.db, product.id))?.available).toBe(1);

    const { entries } = await listAudit(env.shop.data.db, { limit: 20 });
    expect(entries.find((e) => e.action === 'stock-changed')).toMatchObject({
      actor: OWNER.email,
      target: product.id,
      after: { available: 1, reason: 'Inventur: ein Stück beschädigt' },
    });

    const shopper = await env.browser.newContext({ locale: 'de-DE' });
    const shop = await shopper.newPage();
    await shop.goto(`${env.url}/p/${product.slug}`);
    await shop.getByText('Nur noch 1 auf Lager').waitFor();
    await shopper.close();
    await context.close();
  });
});
