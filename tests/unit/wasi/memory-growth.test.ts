import { afterAll, describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/domain/quote.js';
import { catalogOf } from '../pricing/fixtures.js';
import { folderWith, runCommand, runtimes } from './run-command.js';

// About 12 MB of catalog JSON: parsing it grows the module's memory past its first 16 MiB.
const products = Array.from({ length: 8000 }, (_, i) => ({
  id: `p${String(i + 1).padStart(5, '0')}`,
  price: 100 + i,
  description: 'Ein Produkt, dessen Beschreibung lang genug ist, um Speicher zu brauchen. '.repeat(18),
}));
const shop = folderWith({
  'catalog.json': catalogOf(products),
  'rules.json': { version: 1, shipping: { standard: 495, express: 990 }, promotions: [], coupons: [] },
});
afterAll(() => shop.remove());

const options = {
  args: ['/data/catalog.json', '/data/rules.json', '--at', '2026-06-15T12:00:00+02:00'],
  preopens: { '/data': shop.dir },
  stdin: JSON.stringify({ lines: [{ productId: 'p08000', quantity: 2 }] }),
};

describe('laden-pricing.wasm with a catalog that outgrows its first 16 MiB of memory', () => {
  it.each(runtimes)('prices the cart under %s', async (runtime) => {
    const run = await runCommand(options, runtime);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Quote).subtotal).toBe(2 * 8099);
  });
});
