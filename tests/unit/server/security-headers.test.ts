import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.js';
import type { RunningServer } from '../../../src/server/main.js';
import { fixtureShop, startOrdersServer } from './support.js';

/** The policy, directive by directive: any source added or dropped anywhere fails. */
const POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ['lit-html', 'default'],
};

const OTHER_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** A Content-Security-Policy as directive -> sources; a directive named twice is kept twice to fail. */
function directives(header: string | null): Record<string, string[]> {
  const parsed: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    parsed[name in parsed ? `${name} (again)` : name.toLowerCase()] = sources;
  }
  return parsed;
}

describe('security headers, exactly', () => {
  const shop = fixtureShop();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startOrdersServer(shop);
  });
  afterAll(async () => {
    await server?.close();
    shop.remove();
  });

  it.each([
    '/',
    '/checkout',
    '/wasm',
    '/gibt-es-nicht',
    '/api/health',
    '/data/catalog.json',
    '/api/orders/L-00000-00000',
  ])('%s: the policy directive by directive and every other header to the letter', async (path) => {
    const response = await fetch(server.url + path);
    expect(directives(response.headers.get('content-security-policy'))).toEqual(POLICY);
    for (const [name, value] of Object.entries(OTHER_HEADERS)) expect(response.headers.get(name), name).toBe(value);
  });

  it('sends no HSTS over plain HTTP, where browsers would ignore it anyway', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS when the shopper came over HTTPS through a proxy that terminates TLS', async () => {
    for (const proto of ['https', 'HTTPS', 'https, http']) {
      const response = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': proto } });
      expect(response.headers.get('strict-transport-security'), proto).toBe('max-age=63072000; includeSubDomains');
    }
    const plain = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS when served over HTTPS directly', async () => {
    const app = createApp({ distDir: shop.dist, version: 'test' });
    const secure = await app.request('https://laden.example/api/health');
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    const plain = await app.request('http://laden.example/api/health');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('the parser sees a weakened policy: an added source fails the comparison', () => {
    const weakened = Object.entries(POLICY)
      .map(([name, sources]) => [name, ...sources, ...(name === 'script-src' ? ["'unsafe-inline'"] : [])].join(' '))
      .join('; ');
    expect(directives(weakened)).not.toEqual(POLICY);
  });
});
