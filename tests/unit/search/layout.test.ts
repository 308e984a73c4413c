import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSEMBLY_NAMES } from '../../../src/wasm/search-layout.js';
import { SearchEngine } from '../../../src/wasm/search.js';
import { catalog, product } from './fixture.js';

/** `export const NAME: type = value;` lines of assembly/search/layout.ts, evaluated. */
function assemblyConstants(): Record<string, number> {
  const source = readFileSync(new URL('../../../assembly/search/layout.ts', import.meta.url), 'utf8');
  const constants: Record<string, number> = {};
  for (const [, name, value] of source.matchAll(/^export const (\w+)(?:\s*:\s*\w+)?\s*=\s*([^;]+);/gm)) {
    constants[name!] = Number(value!.trim().replaceAll('_', ''));
  }
  return constants;
}

describe('the search output layout', () => {
  it('names the same slots, flags and limits as the AssemblyScript side', () => {
    const constants = assemblyConstants();
    expect(Object.keys(constants).length).toBeGreaterThan(10);
    expect(Object.values(constants).every(Number.isInteger)).toBe(true);
    expect(ASSEMBLY_NAMES).toEqual(constants);
  });

  it('decodes what the module writes: totals, facets, flags and suggestions', async () => {
    const shop = catalog([
      product('a', { title: 'Wanderrucksack Alpin', brand: 'Bergfee', price: 8900 }),
      product('b', { title: 'Rucksack Stadt', brand: 'Urbano', price: 4900, stock: 0 }),
      product('c', { title: 'Trinkflasche', brand: 'Bergfee', price: 1900 }),
    ]);
    const engine = await SearchEngine.build(shop);
    const result = engine.search('rucksak', { asYouType: false });
    expect(result.total).toBe(2);
    expect(result.exact).toBe(false);
    expect(result.suggestion).toBe('rucksack');
    expect(result.facets.brands).toEqual([
      { value: 'Bergfee', count: 1 },
      { value: 'Urbano', count: 1 },
    ]);
    expect(result.facets.inStock).toBe(1);
    expect(result.facets.price).toEqual({ min: 4900, max: 8900 });
    expect(engine.search('rucksack trinkflasche').partial).toBe(true);
  });
});
