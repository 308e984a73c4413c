import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import commandUrl from '../../../build/wasm/laden-pricing.wasm?url';
import type { Cart } from '../../../src/domain/cart.js';
import type { Catalog } from '../../../src/domain/catalog.js';
import type { PromotionRulesInput } from '../../../src/domain/promotions.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';
import type { Quote } from '../../../src/domain/quote.js';
import { createPricingEngine } from '../../../src/wasm/pricing.js';
import { quoteTimes, ruleSets, shops } from '../../unit/pricing/arbitraries.js';
import { catalog, rulesInput } from '../pricing/fixtures.js';

const command = WebAssembly.compileStreaming(fetch(commandUrl));
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/**
 * Runs laden-pricing.wasm, unchanged, in this page under a JavaScript WASI host: the catalog and
 * rules in an in-memory folder preopened as /data, the cart as stdin.
 */
async function commandQuote(shopCatalog: Catalog, rules: PromotionRulesInput, cart: Cart, at: number): Promise<Quote> {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const wasi = new WASI(
    ['laden-pricing', '/data/catalog.json', '/data/rules.json', '--at', String(at)],
    [],
    [
      new OpenFile(new File(bytes(cart))),
      new ConsoleStdout((chunk) => out.push(chunk)),
      new ConsoleStdout((chunk) => err.push(chunk)),
      new PreopenDirectory(
        '/data',
        new Map([
          ['catalog.json', new File(bytes(shopCatalog))],
          ['rules.json', new File(bytes(rules))],
        ]),
      ),
    ],
    { debug: false },
  );
  const instance = await WebAssembly.instantiate(await command, { wasi_snapshot_preview1: wasi.wasiImport });
  const code = wasi.start(instance as unknown as { exports: { memory: WebAssembly.Memory; _start(): unknown } });
  const text = (chunks: Uint8Array[]) => new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c])));
  if (code !== 0) throw new Error(`laden-pricing exited ${code}: ${text(err)}`);
  return JSON.parse(text(out)) as Quote;
}

describe('laden-pricing.wasm in Chromium', () => {
  it('gives the quote the shop shows: the browser facade and the WASI command agree on a cart', async () => {
    const at = Date.parse('2026-06-15T12:00:00+02:00');
    const cart: Cart = {
      lines: [
        { productId: 'lampe', quantity: 3 },
        { productId: 'buch', quantity: 1 },
      ],
      coupons: ['willkommen5'],
      shipping: 'standard',
    };
    const engine = await createPricingEngine(catalog, parseRules(rulesInput));
    const quote = await commandQuote(catalog, rulesInput, cart, at);
    expect(quote.coupons[0]).toMatchObject({ code: 'WILLKOMMEN5', status: 'applied' });
    expect(quote).toEqual(JSON.parse(JSON.stringify(engine.quote(cart, at))));
  });

  it('agrees with the browser facade on random catalogs, rules, carts and moments', async () => {
    await fc.assert(
      fc.asyncProperty(shops, ruleSets, quoteTimes, async ([shopCatalog, cart], input, at) => {
        const engine = await createPricingEngine(shopCatalog, parseRules(input));
        const expected = JSON.parse(JSON.stringify(engine.quote(cart, at))) as Quote;
        expect(await commandQuote(shopCatalog, input, cart, at)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
