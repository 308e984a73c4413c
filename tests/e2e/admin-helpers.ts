import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addStaff } from '../../src/server/admin/staff.js';
import type { RunningServer } from '../../src/server/main.js';
import { addToCart, checkoutToReview, orderKeyOf, simpleProduct } from './checkout-helpers.js';
import { startShop } from './support/server.js';
import { useShopAndBrowser } from './support/shop-and-browser.js';

export const OWNER = { email: 'inhaberin@laden.example', password: 'Zimtschnecke-Oktober-17' } as const;

export interface AdminFixture {
  readonly shop: RunningServer;
  readonly browser: Browser;
  /** The shop under http://localhost:PORT: a passkey needs a domain, not an IP address, as its RP ID. */
  readonly url: string;
}

/** The built shop on its own SQLite file, an owner account made the way `laden staff add` makes it, a browser. */
export function useAdminShop(name: string): AdminFixture {
  const dir = mkdtempSync(join(tmpdir(), `laden-${name}-`));
  const fixture = useShopAndBrowser(
    async () => {
      const shop = await startShop({ orders: { dbPath: join(dir, 'laden.sqlite') } });
      await addStaff(shop.data, { email: OWNER.email, role: 'owner', password: OWNER.password }, { actor: 'e2e' });
      return shop;
    },
    () => rmSync(dir, { recursive: true, force: true }),
  );
  return {
    get shop() {
      return fixture.shop;
    },
    get browser() {
      return fixture.browser;
    },
    get url() {
      return fixture.shop.url.replace('127.0.0.1', 'localhost');
    },
  };
}

/** A shopper places an order in their own browser context; returns its number and the page showing it. */
export async function shopperOrders(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page; number: string; key: string }> {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await addToCart(page, url, simpleProduct());
  await page.goto(`${url}/cart`);
  await checkoutToReview(page);
  await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
  await page.getByRole('heading', { name: 'Bestellung bestätigt' }).waitFor();
  const number = ((await page.getByTestId('order-number').textContent()) ?? '').trim();
  return { context, page, number, key: orderKeyOf(page) };
}

/**
 * Chromium's virtual authenticator (DevTools protocol): a platform authenticator with resident keys
 * and user verification that always says yes, as a fingerprint reader would.
 */
export async function addVirtualAuthenticator(page: Page): Promise<{ credentials(): Promise<unknown[]> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

export async function signInWithPassword(
  page: Page,
  url: string,
  who: { email: string; password: string } = OWNER,
): Promise<void> {
  await page.goto(`${url}/admin/login`);
  await page.getByLabel('E-Mail-Adresse').fill(who.email);
  await page.getByLabel('Passwort').fill(who.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  // Signed in once the shell shows who it is (the cookie is set before the answer arrives).
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
}

/** The element that has the focus, looking through shadow roots: its tag, accessible text and role. */
export function focused(page: Page): Promise<{ tag: string; text: string; label: string }> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const label =
      active?.id && active.getRootNode() instanceof ShadowRoot
        ? ((active.getRootNode() as ShadowRoot).querySelector(`label[for="${active.id}"]`)?.textContent ?? '')
        : '';
    return {
      tag: active?.tagName.toLowerCase() ?? '',
      text: (active?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      label: label.trim(),
    };
  });
}

/** Presses Tab (Shift+Tab with `back`) until the focused element matches, as a keyboard user would. */
export async function tabTo(
  page: Page,
  matches: (f: { tag: string; text: string; label: string }) => boolean,
  { back = false, max = 80 } = {},
): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (matches(await focused(page))) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(
    `Nothing matching was reached with ${max} presses of Tab; last: ${JSON.stringify(await focused(page))}`,
  );
}

export interface Customer {
  firstName: string;
  lastName: string;
  email: string;
  street: string;
  postalCode: string;
  city: string;
}

/**
 * An order placed over the orders API as the shop's checkout places it: asked once without a total to
 * learn the server's, then with it (a new Idempotency-Key each time). Returns the order number.
 */
export async function placeOrderOverApi(
  url: string,
  customer: Customer,
  lines: { productId: string; quantity: number }[],
  payment: 'invoice' | 'cash-on-delivery' = 'invoice',
): Promise<string> {
  const { firstName, lastName, email, street, postalCode, city } = customer;
  const request = {
    cart: { lines, coupons: [], shipping: 'standard' },
    contact: { email },
    shippingAddress: { firstName, lastName, street, postalCode, city, country: 'DE' },
    payment,
  };
  const post = (expectedTotal: number) =>
    fetch(`${url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ ...request, expectedTotal }),
    });
  const first = (await (await post(0)).json()) as { quote?: { total: number } };
  if (!first.quote) throw new Error(`The orders API did not name its total: ${JSON.stringify(first)}`);
  const placed = (await (await post(first.quote.total)).json()) as { order?: { id: string } };
  if (!placed.order) throw new Error(`The order was refused: ${JSON.stringify(placed)}`);
  return placed.order.id;
}

/** An owner's session cookie (`name=value`), signed in over the API as the sign-in page does it. */
export async function ownerCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
  });
  if (response.status !== 200) throw new Error(`Sign-in refused: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Moves an order on over the back office API (the version read first), as a staff member would. */
export async function moveOrder(url: string, cookie: string, id: string, body: Record<string, string>): Promise<void> {
  const headers = { cookie, origin: url, 'content-type': 'application/json' };
  const current = (await (await fetch(`${url}/api/admin/orders/${id}`, { headers })).json()) as {
    order: { version: number };
  };
  const response = await fetch(`${url}/api/admin/orders/${id}/transitions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ...body, version: current.order.version }),
  });
  if (response.status !== 200) throw new Error(`Transition refused: ${response.status} ${await response.text()}`);
}
