import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { Quote } from '../../../src/domain/quote.js';
import { catalogOf } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'laden-quote-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, data: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};

const catalog = write(
  'catalog.json',
  catalogOf([
    { id: 'p00001', price: 1999 },
    { id: 'p00002', price: 450, vatClass: 'reduced' },
  ]),
);
write('rules.json', {
  version: 1,
  shipping: { standard: 495, express: 990 },
  promotions: [{ id: 'zehn', label: '10 %', type: 'percentage', percent: 10 }],
  coupons: [{ code: 'ZEHN', promotion: 'zehn', validUntil: '2026-08-31T23:59:59+02:00' }],
});

async function laden(...args: string[]) {
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main(args);
    return {
      code,
      stdout: out.mock.calls.map((c) => c.join(' ')).join('\n'),
      stderr: err.mock.calls.map((c) => c.join(' ')).join('\n'),
    };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('laden quote', () => {
  it('prints the quote as JSON, with the rules next to the catalog and the coupon window at --at', async () => {
    const cart = write('cart.json', {
      lines: [
        { productId: 'p00001', quantity: 2 },
        { productId: 'p00002', quantity: 1 },
      ],
      coupons: ['zehn'],
    });
    const before = await laden('quote', cart, '--catalog', catalog, '--at', '2026-08-01');
    expect(before.code).toBe(0);
    const quote = JSON.parse(before.stdout) as Quote;
    // 3998 + 450 = 4448, 10 % = 400 + 45, shipping 495.
    expect(quote).toMatchObject({
      subtotal: 4448,
      discountTotal: 445,
      total: 4498,
      coupons: [{ code: 'ZEHN', status: 'applied' }],
    });
    const after = JSON.parse((await laden('quote', cart, '--catalog', catalog, '--at', '2026-09-01')).stdout) as Quote;
    expect(after.coupons[0]!.status).toBe('expired');
    expect(after.total).toBe(4448 + 495);
  });

  it('exits 0 with line errors in the quote', async () => {
    const cart = write('bad-lines.json', {
      lines: [
        { productId: 'p09999', quantity: 1 },
        { productId: 'p00001', quantity: -2 },
      ],
      shipping: 'express',
    });
    const result = await laden('quote', cart, '--catalog', catalog);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Quote).errors.map((e) => e.code)).toEqual([
      'unknown-product',
      'invalid-quantity',
    ]);
  });

  it('exits 2 with one line on stderr for unreadable or malformed files', async () => {
    const cases: [string[], RegExp][] = [
      [[join(dir, 'missing.json'), '--catalog', catalog], /cannot read the cart/],
      [[write('broken.json', '{"lines": ['), '--catalog', catalog], /is not JSON/],
      [[write('shape.json', { lines: [{ productId: 1, quantity: 1 }] }), '--catalog', catalog], /lines\.0\.productId/],
      [
        [write('ok.json', { lines: [] }), '--catalog', catalog, '--rules', write('bad-rules.json', { version: 2 })],
        /bad-rules\.json is not a valid promotions file/,
      ],
      [[write('ok2.json', { lines: [] }), '--catalog', catalog, '--at', 'gestern'], /--at must be an ISO date/],
      [
        [write('ok3.json', { lines: [] }), '--catalog', write('null-product.json', { version: 1, products: [null] })],
        /null-product\.json is not a Laden catalog/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await laden('quote', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n')).toHaveLength(1);
    }
  });
});
