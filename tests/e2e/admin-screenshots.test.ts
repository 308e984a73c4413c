import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { builtCatalog, simpleProducts } from './support/catalog.js';
import { DESKTOP, PHONE } from './support/browser.js';
import { moveOrder, ownerCookie, placeOrderOverApi, signInWithPassword, useAdminShop } from './admin-helpers.js';

/**
 * The back office's main pages on a phone (390×844) and a desktop (1280×800): each fits its width
 * without scrolling sideways. With LADEN_SCREENSHOTS=docs/screenshots the pictures the README shows
 * are written there; otherwise to a temporary folder.
 */
const outDir = process.env['LADEN_SCREENSHOTS']
  ? resolve(process.env['LADEN_SCREENSHOTS'])
  : mkdtempSync(join(tmpdir(), 'laden-admin-shots-'));

const CUSTOMERS = [
  {
    firstName: 'Erika',
    lastName: 'Mustermann',
    email: 'erika@example.de',
    street: 'Heidestraße 17',
    postalCode: '51147',
    city: 'Köln',
  },
  {
    firstName: 'Jonas',
    lastName: 'Becker',
    email: 'j.becker@example.de',
    street: 'Lindenallee 4',
    postalCode: '10115',
    city: 'Berlin',
  },
  {
    firstName: 'Leyla',
    lastName: 'Yılmaz',
    email: 'leyla.yilmaz@example.de',
    street: 'Am Markt 9',
    postalCode: '80331',
    city: 'München',
  },
  {
    firstName: 'Frank',
    lastName: 'Schulz',
    email: 'frank.schulz@example.de',
    street: 'Hafenstraße 21a',
    postalCode: '20457',
    city: 'Hamburg',
  },
];

async function fitsItsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('the back office on a phone and a desktop', () => {
  const fixture = useAdminShop('admin-shots');

  it('shows sign-in, order list and order detail without sideways scrolling', { timeout: 180_000 }, async () => {
    const products = simpleProducts(builtCatalog());
    const ids: string[] = [];
    for (const [i, customer] of CUSTOMERS.entries()) {
      const lines = products.slice(i * 2, i * 2 + 1 + (i % 3)).map((p, n) => ({ productId: p.id, quantity: n + 1 }));
      ids.push(await placeOrderOverApi(fixture.url, customer, lines, i % 2 === 0 ? 'invoice' : 'cash-on-delivery'));
    }
    const cookie = await ownerCookie(fixture.url);
    await moveOrder(fixture.url, cookie, ids[0]!, { to: 'processing' });
    await moveOrder(fixture.url, cookie, ids[1]!, { to: 'processing' });
    await moveOrder(fixture.url, cookie, ids[1]!, {
      to: 'shipped',
      carrier: 'dhl',
      trackingNumber: '00340434161094042557',
    });
    await moveOrder(fixture.url, cookie, ids[2]!, { to: 'cancelled', reason: 'Kundin hat telefonisch storniert' });
    mkdirSync(outDir, { recursive: true });

    for (const [device, viewport] of [
      ['phone', PHONE],
      ['desktop', { ...DESKTOP, height: 800 }],
    ] as const) {
      const context = await fixture.browser.newContext({ locale: 'de-DE', viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${fixture.url}/admin/login`);
      await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
      expect(await fitsItsWidth(page), `${device} sign-in`).toBe(true);
      await page.screenshot({ path: join(outDir, `admin-sign-in-${device}.png`) });

      await signInWithPassword(page, fixture.url);
      await page.goto(`${fixture.url}/admin/orders`);
      await page.getByRole('heading', { name: 'Bestellungen', level: 1 }).waitFor();
      await expect.poll(() => page.getByRole('row').count()).toBe(CUSTOMERS.length + 1);
      expect(await fitsItsWidth(page), `${device} orders`).toBe(true);
      await page.screenshot({ path: join(outDir, `admin-orders-${device}.png`) });

      await page.getByRole('link', { name: ids[1]! }).click();
      await page.getByRole('heading', { name: `Bestellung ${ids[1]}`, level: 1 }).waitFor();
      await page.getByText('Jonas Becker').first().waitFor();
      expect(await fitsItsWidth(page), `${device} order`).toBe(true);
      await page.screenshot({ path: join(outDir, `admin-order-${device}.png`) });
      await context.close();
    }
  });
});
