import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../src/components/shop-search-page/shop-search-page.js';
import type { ShopSearchPage } from '../../../src/components/shop-search-page/shop-search-page.js';
import { NavigateEvent } from '../../../src/events/navigate.js';
import { provide, text } from './fixtures.js';

async function mount(query: string): Promise<{ page: ShopSearchPage; hrefs: string[] }> {
  const host = await provide();
  const page = document.createElement('shop-search-page');
  page.query = query;
  host.append(page);
  await page.updateComplete;
  const hrefs: string[] = [];
  host.addEventListener(NavigateEvent.eventName, (e) => hrefs.push(e.href));
  // On a narrow screen (this test frame) the facets start folded; a shopper opens them first.
  const filters = page.shadowRoot!.querySelector('details.filters') as HTMLDetailsElement | null;
  if (filters && !filters.open) await userEvent.click(filters.querySelector('summary')!);
  return { page, hrefs };
}

const $ = (page: ShopSearchPage, selector: string) => page.shadowRoot!.querySelector(selector);
const titles = (page: ShopSearchPage) => [...page.shadowRoot!.querySelectorAll('ol h2')].map((h) => text(h));
const facet = (page: ShopSearchPage, legend: string) =>
  [...page.shadowRoot!.querySelectorAll('fieldset')].find((f) => text(f.querySelector('legend')) === legend)!;

describe('<shop-search-page>', () => {
  afterEach(() => document.body.replaceChildren());

  it('lists all results with the matches marked and facet counts', async () => {
    const { page } = await mount('kaffee');
    expect(text($(page, 'h1'))).toBe('Suchergebnisse für „kaffee“');
    expect(text($(page, '.summary'))).toBe('3 Treffer');
    expect(titles(page).sort()).toEqual(['Kaffeebecher Atelier', 'Kaffeemaschine Kompakt', 'Kaffeemühle Handmahlwerk']);
    expect(text(facet(page, 'Kategorie'))).toContain('Küche (3)');
    expect(text(facet(page, 'Marke'))).toContain('Tonwerk (1)');
    expect(text(facet(page, 'Verfügbarkeit'))).toContain('Nur lieferbare (2)');
    expect($(page, 'ol mark')).not.toBeNull();
  });

  it('filters by brand and stock, and sorts by price', async () => {
    const { page } = await mount('kaffee');
    await userEvent.click(facet(page, 'Verfügbarkeit').querySelector('input')!);
    await page.updateComplete;
    expect(text($(page, '.summary'))).toBe('2 Treffer');
    const select = $(page, 'select') as HTMLSelectElement;
    await userEvent.selectOptions(select, 'price-down');
    await page.updateComplete;
    expect(titles(page)).toEqual(['Kaffeemaschine Kompakt', 'Kaffeemühle Handmahlwerk']);
    const brand = [...facet(page, 'Marke').querySelectorAll('label')].find((l) => text(l).startsWith('Mühlenwerk'))!;
    await userEvent.click(brand.querySelector('input')!);
    await page.updateComplete;
    expect(titles(page)).toEqual(['Kaffeemühle Handmahlwerk']);
  });

  it('asks "Meinten Sie …?" for a misspelt query and follows the suggestion', async () => {
    const { page, hrefs } = await mount('wanderrucksak');
    expect(text($(page, '.did-you-mean'))).toBe('Meinten Sie „wanderrucksack“?');
    expect(titles(page)).toEqual(['Wanderrucksack Alpin 30 L']);
    await userEvent.click($(page, '.did-you-mean a')!);
    expect(hrefs).toEqual(['/search?q=wanderrucksack']);
  });

  it('says so when nothing matches, and when the query is empty', async () => {
    const { page } = await mount('qwertz');
    expect(text($(page, '.summary'))).toBe('Keine Treffer.');
    page.query = '';
    await page.updateComplete;
    expect(text(page.shadowRoot!)).toContain('Bitte geben Sie oben einen Suchbegriff ein.');
  });
});
