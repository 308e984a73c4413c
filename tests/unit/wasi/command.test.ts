import { afterAll, describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/domain/quote.js';
import { catalogOf } from '../pricing/fixtures.js';
import { folderWith, runCommand as run, runtimes, type CommandOptions } from './run-command.js';

const shop = folderWith({
  'catalog.json': catalogOf([
    { id: 'p00001', price: 1999 },
    { id: 'p00002', price: 450, vatClass: 'reduced' },
  ]),
  'rules.json': {
    version: 1,
    shipping: { standard: 495, express: 990 },
    promotions: [{ id: 'zehn', label: '10 % auf alles', type: 'percentage', percent: 10 }],
    coupons: [{ code: 'ZEHN', promotion: 'zehn', validUntil: '2026-08-31T23:59:59+02:00' }],
  },
  // The broken escape sits in a field pricing skips: it must still be found.
  'broken-catalog.json': '{"products": [{"id": "p1", "title": "Tasse", "description": "zu \\q"}]}',
  'bad-rules.json': {
    version: 1,
    shipping: { standard: 495, express: 990 },
    promotions: [{ id: 'zu-viel', label: '150 %', type: 'percentage', percent: 150 }],
    coupons: [],
  },
});
afterAll(() => shop.remove());

const cart = JSON.stringify({
  lines: [
    { productId: 'p00001', quantity: 2 },
    { productId: 'p00002', quantity: 1 },
  ],
  coupons: ['zehn'],
  shipping: 'standard',
});

describe.each(runtimes)('laden-pricing.wasm under %s', (runtime) => {
  const runCommand = (options: CommandOptions) => run(options, runtime);
  const price = (stdin: string, ...args: string[]) =>
    runCommand({
      args: ['/data/catalog.json', '/data/rules.json', ...args],
      preopens: { '/data': shop.dir },
      stdin,
    });

  it('reads the cart on stdin and writes the quote as JSON on stdout, exit code 0', async () => {
    const run = await price(cart, '--at', '2026-08-01T12:00:00+02:00');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const quote = JSON.parse(run.stdout) as Quote;
    // 2 x 19,99 + 4,50 = 44,48 €; 10 % = 4,00 + 0,45; shipping 4,95.
    expect(quote.subtotal).toBe(4448);
    expect(quote.discountTotal).toBe(445);
    expect(quote.shipping).toEqual({ method: 'standard', price: 495 });
    expect(quote.total).toBe(4448 - 445 + 495);
    expect(quote.vat.map((row) => row.rate)).toEqual([19, 7]);
    expect(quote.coupons).toEqual([
      { code: 'ZEHN', status: 'applied', message: 'Gutschein ZEHN eingelöst: 10 % auf alles' },
    ]);
  });

  it('prices at the --at moment: after its last day the coupon is expired, named by its Berlin date', async () => {
    const run = await price(cart, '--at', '2026-09-01T00:00:00+02:00');
    const quote = JSON.parse(run.stdout) as Quote;
    expect(quote.coupons[0]).toMatchObject({ status: 'expired' });
    expect(quote.coupons[0]!.message).toContain('31.08.2026');
    expect(quote.total).toBe(4448 + 495);
  });

  it('reports lines it cannot price inside the quote and still exits 0', async () => {
    const run = await price(
      JSON.stringify({
        lines: [
          { productId: 'p00001', quantity: 1 },
          { productId: 'p99999', quantity: 1 },
          { productId: 'p00002', quantity: 0 },
        ],
        coupons: ['gibtsnicht'],
      }),
    );
    expect(run.code).toBe(0);
    const quote = JSON.parse(run.stdout) as Quote;
    expect(quote.lines.map((l) => l.productId)).toEqual(['p00001']);
    expect(quote.errors.map((e) => [e.line, e.code])).toEqual([
      [1, 'unknown-product'],
      [2, 'invalid-quantity'],
    ]);
    expect(quote.coupons[0]).toMatchObject({ code: 'GIBTSNICHT', status: 'unknown' });
  });

  it('finds relative paths in the preopened current directory, as wasmtime --dir . gives it', async () => {
    const run = await runCommand({ args: ['catalog.json', './rules.json'], preopens: { '.': shop.dir }, stdin: cart });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Quote).subtotal).toBe(4448);
  });

  it.each([
    ['not JSON', '{"lines": [', /the cart is not valid JSON: unexpected end of JSON at position 11/],
    ['a JSON array', '[]', /the cart must be a JSON object/],
    ['empty', '', /the cart is not valid JSON/],
  ])('refuses a cart that is %s: a message on stderr, nothing on stdout, exit code 2', async (_, stdin, message) => {
    const run = await price(stdin);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('explains its usage when the files are missing from the command line', async () => {
    const run = await runCommand({ stdin: cart });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: laden-pricing <catalog.json> <rules.json>');
  });

  it('prints its usage on --help and exits 0', async () => {
    const run = await runCommand({ args: ['--help'] });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: laden-pricing');
  });

  it('names a file it cannot read, and says when it is outside every preopened folder', async () => {
    const missing = await runCommand({
      args: ['/data/nope.json', '/data/rules.json'],
      preopens: { '/data': shop.dir },
      stdin: cart,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read /data/nope.json: NOENT');

    const outside = await runCommand({
      args: ['/etc/catalog.json', '/data/rules.json'],
      preopens: { '/data': shop.dir },
    });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('cannot read /etc/catalog.json: not inside a preopened directory');
  });

  it('refuses an invalid rules file, naming the field', async () => {
    const run = await runCommand({
      args: ['/data/catalog.json', '/data/bad-rules.json'],
      preopens: { '/data': shop.dir },
      stdin: cart,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/data/bad-rules.json: promotions[0].percent: expected a whole number from 1 to 100');
  });

  it('refuses a catalog that is not JSON, even where the broken part is a field it never uses', async () => {
    const run = await runCommand({
      args: ['/data/broken-catalog.json', '/data/rules.json'],
      preopens: { '/data': shop.dir },
      stdin: cart,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken-catalog\.json: not valid JSON: bad escape at position \d+/);
  });

  it('refuses an --at that is not a moment', async () => {
    const run = await price(cart, '--at', 'morgen');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--at: expected an ISO date-time');
  });
});
