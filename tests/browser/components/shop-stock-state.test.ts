import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../src/components/shop-stock-state/shop-stock-state.js';
import type { ShopStockState } from '../../../src/components/shop-stock-state/shop-stock-state.js';
import { saveKnownStock } from '../../../src/storage/stock-store.js';
import { stockService } from '../../../src/services/stock-service.js';

async function mount(attributes: Record<string, string>, stock = 50): Promise<ShopStockState> {
  const el = document.createElement('shop-stock-state');
  el.stock = stock;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const text = (el: ShopStockState) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

/** Waits until the element shows `expected` (the service answers asynchronously). */
async function shows(el: ShopStockState, expected: RegExp): Promise<void> {
  await vi.waitFor(() => expect(text(el)).toMatch(expected), { timeout: 5000 });
}

const answer = (stock: Record<string, number>) =>
  new Response(JSON.stringify({ stock }), {
    headers: { 'content-type': 'application/json', date: new Date().toUTCString() },
  });

describe('<shop-stock-state>', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('shows the catalog figure without a product id', async () => {
    expect(text(await mount({}, 0))).toBe('Ausverkauft');
    expect(text(await mount({}, 3))).toBe('Nur noch 3 auf Lager');
    expect(text(await mount({}, 50))).toBe('Auf Lager');
  });

  it('shows the last known state with its time while the server cannot be reached, then the live one', async () => {
    const twoHoursAgo = Date.now() - 2 * 60 * 60_000;
    await saveKnownStock({ stock: { p00001: 4, 'p00002/p00002-s': 0, 'p00002/p00002-m': 1 }, fetchedAt: twoHoursAgo });
    await stockService.refresh(); // lets a request of an earlier test finish first
    const fetch = vi.spyOn(window, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const single = await mount({ 'product-id': 'p00001' });
    // Between midnight and two o'clock, two hours ago was yesterday: then the day is said too.
    const today = new Date(twoHoursAgo).toDateString() === new Date().toDateString();
    await shows(
      single,
      today
        ? /^Nur noch 4 auf Lager Stand: \d\d:\d\d Uhr$/
        : /^Nur noch 4 auf Lager Stand: \d{1,2}\.\d{1,2}\., \d\d:\d\d Uhr$/,
    );
    const variant = await mount({ 'product-id': 'p00002', 'variant-id': 'p00002-s' });
    await shows(variant, /^Ausverkauft Stand:/);
    const product = await mount({ 'product-id': 'p00002' });
    await shows(product, /^Nur noch 1 auf Lager Stand:/);
    expect(fetch).toHaveBeenCalledWith(expect.stringMatching(/^\/api\/stock\?products=p0000[12]/), expect.anything());

    fetch.mockResolvedValue(answer({ p00001: 2, 'p00002/p00002-s': 7, 'p00002/p00002-m': 0 }));
    await stockService.refresh();
    await shows(single, /^Nur noch 2 auf Lager$/);
    await shows(variant, /^Auf Lager$/);
    await shows(product, /^Auf Lager$/);
  });

  it('asks only for the products on the page, those shown together in one request', async () => {
    await stockService.refresh();
    const fetch = vi.spyOn(window, 'fetch').mockImplementation(async () => answer({ p00007: 3, p00008: 0, p00009: 9 }));
    const shown = await Promise.all(['p00007', 'p00008', 'p00009'].map((id) => mount({ 'product-id': id })));
    await shows(shown[0]!, /^Nur noch 3 auf Lager$/);
    await shows(shown[1]!, /^Ausverkauft$/);
    const asked = fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith('/api/stock'));
    expect(asked.at(-1)).toBe('/api/stock?products=p00007,p00008,p00009');
    // Whatever else the service asks for, it never asks for the whole range.
    expect(asked.every((url) => url.includes('?products='))).toBe(true);
  });
});
