import { ContextProvider } from '@lit/context';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/components/shop-wasm-page/shop-wasm-page.js';
import type { ShopWasmPage } from '../../../src/components/shop-wasm-page/shop-wasm-page.js';
import { catalogContext } from '../../../src/context/catalog.js';
import { pricingContext } from '../../../src/context/pricing.js';
import { CatalogIndex } from '../../../src/domain/catalog-index.js';
import type { Catalog } from '../../../src/domain/catalog.js';
import { PricingService } from '../../../src/services/pricing.js';
import { catalog, rulesUrl, text } from '../pricing/fixtures.js';

/** The page inside a catalog provider, as <shop-app> renders it; rules come from `rules`. */
function mount(shopCatalog: Catalog, rules: string): ShopWasmPage {
  const host = document.createElement('div');
  new ContextProvider(host, { context: pricingContext, initialValue: PricingService.for(rules) });
  new ContextProvider(host, { context: catalogContext, initialValue: new CatalogIndex(shopCatalog) });
  const page = document.createElement('shop-wasm-page');
  host.append(page);
  document.body.append(host);
  return page;
}

async function until<T>(read: () => T | null | undefined, timeoutMs = 20_000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('<shop-wasm-page>', () => {
  afterEach(() => document.body.replaceChildren());

  it('lists the three modules with the exports their compiled modules declare', async () => {
    const page = mount(structuredClone(catalog), rulesUrl());
    const rows = await until(() => {
      const found = page.shadowRoot!.querySelectorAll<HTMLElement>('tr[data-module]');
      return found.length === 3 ? [...found] : null;
    });
    expect(rows.map((r) => r.dataset['module'])).toEqual(['pricing', 'search', 'thumbnail']);
    for (const row of rows) {
      const module = await WebAssembly.compileStreaming(fetch(row.dataset['url']!));
      const shown = Number(row.querySelector<HTMLElement>('[data-figure="exports"]')!.dataset['value']);
      expect(shown).toBe(WebAssembly.Module.exports(module).length);
      expect(Number(row.querySelector<HTMLElement>('[data-figure="memory-bytes"]')!.dataset['value'])).toBeGreaterThan(
        0,
      );
    }
  });

  it('says what went wrong and offers a retry when the pricing rules are broken, instead of a blank page', async () => {
    const broken = URL.createObjectURL(new Blob(['{ "version": 1, kaputt'], { type: 'application/json' }));
    const page = mount(structuredClone(catalog), broken);
    const alert = await until(() => page.shadowRoot!.querySelector('[role="alert"]'));
    expect(text(alert)).toContain('Die Module konnten nicht geladen werden');
    expect(text(alert)).toContain('Die Preise können gerade nicht berechnet werden');
    expect(alert.querySelector('button')?.textContent).toContain('Erneut versuchen');
    const start = [...page.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Messung'));
    expect(start?.disabled).toBe(true);
  });
});
