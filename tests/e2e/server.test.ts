import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, startShop } from './support/server.js';
import { wasmPath } from '../../src/wasm/source.node.js';
import type { RunningServer } from '../../src/server/main.js';

const sizeOf = (file: string) => statSync(join(distDir, 'assets', file)).size;

describe('the shop server over HTTP', () => {
  let shop: RunningServer;
  beforeAll(async () => {
    shop = await startShop();
  });
  afterAll(() => shop?.close());

  it('answers the health check', async () => {
    const response = await fetch(`${shop.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('serves index.html for deep links, never cached', async () => {
    for (const path of ['/', '/p/irgendwas', '/c/kaffee', '/cart', '/search']) {
      const response = await fetch(shop.url + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<shop-app>');
    }
  });

  it('caches fingerprinted assets forever and compresses them', async () => {
    // The largest script: tiny ones are sent as they are (compressing them would not pay).
    const scripts = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
    const script = scripts.sort((a, b) => sizeOf(b) - sizeOf(a))[0]!;
    const response = await fetch(`${shop.url}/assets/${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  it('gzips the binary search index and still delivers the exact bytes', async () => {
    const plain = new Uint8Array(
      await (
        await fetch(`${shop.url}/data/search-index.bin`, { headers: { 'accept-encoding': 'identity' } })
      ).arrayBuffer(),
    );
    const response = await fetch(`${shop.url}/data/search-index.bin`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(Number(response.headers.get('content-length'))).toBeLessThan(plain.byteLength / 2);
    // fetch decodes gzip: what arrives must be byte for byte the file.
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(plain);
  });

  it('ships the release builds the unit-release tests prove, byte for byte', () => {
    const shipped = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.wasm'));
    const names = shipped.map((f) => /^(\w+)\.release-[\w-]+\.wasm$/.exec(f)?.[1]).sort();
    expect(names).toEqual(['hello', 'pricing', 'search', 'thumbnail']);
    for (const file of shipped) {
      const name = file.split('.')[0]!;
      // The static server sends dist's files as they are (its own tests cover that).
      expect(readFileSync(join(distDir, 'assets', file)).equals(readFileSync(wasmPath(name, 'release'))), file).toBe(
        true,
      );
    }
  });

  it('serves WebAssembly as application/wasm', async () => {
    const wasm = readdirSync(join(distDir, 'assets')).find((f) => f.endsWith('.wasm'));
    expect(wasm, 'the build ships at least one WASM module').toBeDefined();
    const response = await fetch(`${shop.url}/assets/${wasm}`);
    expect(response.headers.get('content-type')).toBe('application/wasm');
  });

  it('sends security headers with every response', async () => {
    for (const path of ['/', '/api/health', '/data/catalog.json']) {
      const response = await fetch(shop.url + path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await fetch(`${shop.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not-found' });
  });
});
