import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../src/components/admin-stock-page/admin-stock-page.js';
import type { AdminStockPage } from '../../../src/components/admin-stock-page/admin-stock-page.js';
import type { StockItem } from '../../../src/domain/admin-api.js';

const item = (sku: string, title: string, available: number): StockItem => ({
  sku,
  productId: sku.split('/')[0]!,
  variantId: sku.split('/')[1] ?? null,
  title,
  available,
  updatedAt: '2026-12-02T09:00:00.000Z',
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A back office server in miniature: the list (filtered by `low`) and PUT, recording each request. */
function fakeServer() {
  const items = [item('p00001', 'Kaffeemühle', 12), item('p00004/p00004-m', 'Hemd – M', 1)];
  const requests: { method: string; url: string; body?: unknown }[] = [];
  vi.spyOn(window, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input), location.origin);
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as { available: number; reason: string }) : undefined;
    requests.push({ method, url: url.pathname + url.search, ...(body ? { body } : {}) });
    if (method === 'GET') {
      const low = url.searchParams.get('low') === '1';
      return json({ items: items.filter((i) => !low || i.available <= 5), next: null });
    }
    const sku = decodeURIComponent(url.pathname.replace('/api/admin/stock/', ''));
    const found = items.find((i) => i.sku === sku)!;
    if (!body?.reason.trim())
      return json(
        { error: 'invalid', message: 'Ungültig', issues: [{ path: 'reason', message: 'Bitte einen Grund angeben.' }] },
        400,
      );
    return json({ item: { ...found, available: body.available } });
  });
  return requests;
}

async function mount(): Promise<AdminStockPage> {
  const el = document.createElement('admin-stock-page');
  document.body.append(el);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('tbody tr')).not.toHaveLength(0));
  return el;
}

const rows = (el: AdminStockPage) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim()),
  );

describe('<admin-stock-page>', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('lists the stock and filters it down to low stock', async () => {
    const requests = fakeServer();
    const el = await mount();
    expect(rows(el)).toEqual([
      ['Kaffeemühle', 'p00001', '12'],
      ['Hemd – M', 'p00004/p00004-m', '1'],
    ]);
    el.shadowRoot!.querySelector<HTMLInputElement>('#low')!.checked = true;
    el.shadowRoot!.querySelector<HTMLInputElement>('#q')!.value = 'hemd';
    el.shadowRoot!.querySelector<HTMLButtonElement>('form.filter button')!.click();
    await vi.waitFor(() => expect(rows(el)).toEqual([['Hemd – M', 'p00004/p00004-m', '1']]));
    expect(requests.at(-1)?.url).toBe('/api/admin/stock?q=hemd&low=1');
  });

  it('sets an item’s units with a reason and shows the new figure', async () => {
    const requests = fakeServer();
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-sku="p00004/p00004-m"] button')!.click();
    await el.updateComplete;
    const units = el.shadowRoot!.querySelector<HTMLInputElement>('#units')!;
    expect(units.value).toBe('1');
    units.value = '20';
    // Blank passes the browser's `required`; the server's answer names the field.
    el.shadowRoot!.querySelector<HTMLInputElement>('#reason')!.value = '  ';
    el.shadowRoot!.querySelector<HTMLButtonElement>('form.edit button[type=submit]')!.click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[role=alert]')?.textContent).toMatch(/Grund/));

    el.shadowRoot!.querySelector<HTMLInputElement>('#reason')!.value = 'Lieferung eingebucht';
    el.shadowRoot!.querySelector<HTMLButtonElement>('form.edit button[type=submit]')!.click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('.success')?.textContent).toMatch(/jetzt 20/));
    expect(rows(el)[1]).toEqual(['Hemd – M', 'p00004/p00004-m', '20']);
    expect(requests.at(-1)).toEqual({
      method: 'PUT',
      url: '/api/admin/stock/p00004%2Fp00004-m',
      body: { available: 20, reason: 'Lieferung eingebucht' },
    });
  });
});
