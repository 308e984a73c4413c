import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../src/components/shop-search-box/shop-search-box.js';
import type { ShopSearchBox } from '../../../src/components/shop-search-box/shop-search-box.js';
import { NavigateEvent } from '../../../src/events/navigate.js';
import { OFFLINE_MESSAGE, SearchService } from '../../../src/services/search.js';
import { MISSING_INDEX, provide, sourceOf, text } from './fixtures.js';

async function mount(
  service?: SearchService,
): Promise<{ box: ShopSearchBox; input: HTMLInputElement; hrefs: string[] }> {
  const host = await provide(service);
  const box = document.createElement('shop-search-box');
  host.append(box);
  await box.updateComplete;
  const hrefs: string[] = [];
  host.addEventListener(NavigateEvent.eventName, (e) => hrefs.push(e.href));
  const input = box.shadowRoot!.querySelector('input')!;
  return { box, input, hrefs };
}

const options = (box: ShopSearchBox) => [...box.shadowRoot!.querySelectorAll('[role="option"]')];

async function typeInto(box: ShopSearchBox, input: HTMLInputElement, value: string): Promise<void> {
  await userEvent.click(input);
  await userEvent.type(input, value);
  await box.updateComplete;
}

describe('<shop-search-box>', () => {
  afterEach(() => document.body.replaceChildren());

  it('suggests products while typing: thumbnail, title with the match marked, price', async () => {
    const { box, input } = await mount();
    await typeInto(box, input, 'kaffeem');
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const shown = options(box);
    // both words that begin so, the closer completion first; "Kaffeebecher" (a typo away) is not needed
    expect(shown.map((o) => text(o.querySelector('.title')))).toEqual([
      'Kaffeemühle Handmahlwerk',
      'Kaffeemaschine Kompakt',
    ]);
    expect(shown[0]!.querySelector('mark')?.textContent).toBe('Kaffeemühle');
    expect(shown[0]!.querySelector('shop-image')?.getAttribute('src')).toBe('/data/images/muehle-1.jpg');
    expect(text(shown[0]!.querySelector('.price'))).toBe('49,90 €');
  });

  it('asks for suggestions once the keys pause, not for every key of a quick typist', async () => {
    const service = new SearchService(sourceOf(MISSING_INDEX));
    const asked: string[] = [];
    const search = service.search.bind(service);
    service.search = (query, options) => {
      asked.push(query);
      return search(query, options);
    };
    const { box, input } = await mount(service);
    await userEvent.click(input);
    input.value = '';
    // Five keys within a few milliseconds, then a pause.
    for (const value of ['k', 'ka', 'kaf', 'kaff', 'kaffe']) {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await box.updateComplete;
    expect(asked).toEqual(['kaffe']);
    expect(options(box).length).toBeGreaterThan(0);
  });

  it('finds with typos and without umlauts', async () => {
    const { box, input } = await mount();
    await typeInto(box, input, 'kafemuhle');
    expect(options(box).map((o) => text(o.querySelector('.title')))).toEqual(['Kaffeemühle Handmahlwerk']);
  });

  it('moves through the suggestions with the arrow keys and opens the chosen product with Enter', async () => {
    const { box, input, hrefs } = await mount();
    await typeInto(box, input, 'kaffee');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await box.updateComplete;
    const selected = options(box).findIndex((o) => o.getAttribute('aria-selected') === 'true');
    expect(selected).toBe(1);
    expect(input.getAttribute('aria-activedescendant')).toBe('option-1');
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await box.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).toBe(`option-${options(box).length - 1}`); // wraps round
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(hrefs).toHaveLength(1);
    expect(hrefs[0]).toMatch(/^\/p\//);
  });

  it('opens the full results for the query with Enter when no suggestion is chosen', async () => {
    const { box, input, hrefs } = await mount();
    await typeInto(box, input, 'zelt kuppel');
    await userEvent.keyboard('{Enter}');
    expect(hrefs).toEqual(['/search?q=zelt%20kuppel']);
  });

  it('closes the list with Escape and clears the field with a second Escape', async () => {
    const { box, input } = await mount();
    await typeInto(box, input, 'zelt');
    await userEvent.keyboard('{Escape}');
    await box.updateComplete;
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(options(box)).toHaveLength(0);
    expect(input.value).toBe('zelt');
    await userEvent.keyboard('{Escape}');
    await box.updateComplete;
    expect(input.value).toBe('');
  });

  it('stays closed after Escape although a suggestion was still on its way', async () => {
    const { box, input } = await mount();
    await typeInto(box, input, 'zelt');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    // One more key, then Escape before the suggestions for it were even asked for.
    input.value = 'zelt k';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await userEvent.keyboard('{Escape}');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await box.updateComplete;
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens a suggestion on click', async () => {
    const { box, input, hrefs } = await mount();
    await typeInto(box, input, 'rucksack');
    await userEvent.click(options(box)[0]!);
    expect(hrefs).toEqual(['/p/rucksack']);
  });

  it('shows nothing for a query of only emoji and punctuation', async () => {
    const { box, input } = await mount();
    await typeInto(box, input, '😀?!');
    expect(options(box)).toHaveLength(0);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('says that search needs the catalog loaded once, offline before the index ever arrived', async () => {
    const nowhere = 'http://127.0.0.1:9';
    const { box, input } = await mount(
      new SearchService(sourceOf(`${nowhere}/data/search-index.bin`), { serverUrl: `${nowhere}/api/search` }),
    );
    await typeInto(box, input, 'zelt');
    expect(text(box.shadowRoot!.querySelector('.unavailable'))).toBe(OFFLINE_MESSAGE);
    expect(text(box.shadowRoot!.querySelector('[role="status"]'))).toBe(OFFLINE_MESSAGE);
    expect(options(box)).toHaveLength(0);
  });
});
