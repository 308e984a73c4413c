import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/components/shop-quantity-input/shop-quantity-input.js';
import type { ShopQuantityInput } from '../../../src/components/shop-quantity-input/shop-quantity-input.js';
import { QuantityChangeEvent } from '../../../src/events/quantity-change.js';

async function mount(value: number, max = 999): Promise<{ el: ShopQuantityInput; events: number[] }> {
  const el = document.createElement('shop-quantity-input');
  el.value = value;
  el.max = max;
  el.label = 'Menge für Kaffeemühle';
  const events: number[] = [];
  el.addEventListener(QuantityChangeEvent.eventName, (e) => events.push(e.quantity));
  document.body.append(el);
  await el.updateComplete;
  return { el, events };
}

const button = (el: ShopQuantityInput, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
const input = (el: ShopQuantityInput) => el.shadowRoot!.querySelector('input')!;

describe('<shop-quantity-input>', () => {
  afterEach(() => document.body.replaceChildren());

  it('steps up and down and tells the page', async () => {
    const { el, events } = await mount(2);
    button(el, 'Eins mehr').click();
    await el.updateComplete;
    button(el, 'Eins weniger').click();
    button(el, 'Eins weniger').click();
    await el.updateComplete;
    expect(events).toEqual([3, 2, 1]);
    expect(input(el).value).toBe('1');
    expect(button(el, 'Eins weniger').disabled).toBe(true);
  });

  it('clamps typed quantities to the allowed range and ignores garbage', async () => {
    const { el, events } = await mount(1, 5);
    for (const typed of ['12', 'abc', '-3', '4']) {
      input(el).value = typed;
      input(el).dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    expect(events).toEqual([5, 1, 4]);
    expect(input(el).value).toBe('4');
  });

  it('is labelled for screen readers', async () => {
    const { el } = await mount(1);
    expect(el.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe('Menge für Kaffeemühle');
  });
});
