import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { distDir } from './support/server.js';
import { useShopAndBrowser } from './support/shop-and-browser.js';

const assets = join(distDir, 'assets');
const REFERENCES = /^references-[\w-]+\.js$/;

/** The entry chunk of index.html and every chunk it imports statically (not the dynamic ones). */
function mainBundle(): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module entry');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(assets, file), 'utf8');
    // Static: `import{a}from"./x.js"` and `import"./x.js"`; a dynamic import("./x.js") has a parenthesis.
    for (const [, next] of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) visit(next!);
  };
  visit(entry);
  return [...seen];
}

/** What the page shows as [data-figure] elements: name, value and the card or module it belongs to. */
function figures(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('shop-app')?.shadowRoot?.querySelector('shop-wasm-page')?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLElement>('[data-figure]') ?? [])].map((e) => ({
      owner:
        e.closest<HTMLElement>('[data-task]')?.dataset['task'] ??
        e.closest<HTMLElement>('[data-module]')?.dataset['module'] ??
        '',
      figure: e.dataset['figure']!,
      value: Number(e.dataset['value']),
      text: e.textContent?.trim() ?? '',
    }));
  });
}

describe('the /wasm page', () => {
  const fixture = useShopAndBrowser();

  it('keeps the plain-TypeScript references out of the main bundle, in a chunk of their own', () => {
    expect(readdirSync(assets).filter((f) => REFERENCES.test(f))).toHaveLength(1);
    const bundle = mainBundle();
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle.filter((f) => REFERENCES.test(f) || f.startsWith('shop-wasm-page-'))).toEqual([]);
    for (const file of bundle) expect(readFileSync(join(assets, file), 'utf8')).not.toContain('MiniSearch');
  });

  it('shows the modules, runs the benchmark on this device and every figure is there and positive', async () => {
    const page = await fixture.browser.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(new URL(request.url()).pathname));

    await page.goto(`${fixture.shop.url}/`);
    await page.getByRole('link', { name: 'So rechnet Laden: WebAssembly' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/wasm');
    await page.getByRole('heading', { level: 1, name: 'WebAssembly in Laden' }).waitFor();
    const start = page.getByRole('button', { name: 'Messung starten' });
    await expect.poll(() => start.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(scripts.some((path) => REFERENCES.test(path.split('/').pop()!))).toBe(false);

    await start.click();
    await expect
      .poll(async () => (await figures(page)).filter((f) => f.figure === 'ratio').length, { timeout: 60_000 })
      .toBe(3);
    expect(scripts.some((path) => REFERENCES.test(path.split('/').pop()!))).toBe(true);

    const shown = await figures(page);
    for (const task of ['pricing', 'search', 'thumbnail']) {
      for (const figure of ['wasm-ms', 'reference-ms', 'ratio']) {
        const found = shown.find((f) => f.owner === task && f.figure === figure);
        expect(found, `${task} ${figure}`).toBeDefined();
        expect(found!.value, `${task} ${figure}`).toBeGreaterThan(0);
        expect(found!.text).toMatch(/\d/);
      }
    }
    for (const module of ['pricing', 'search', 'thumbnail']) {
      for (const figure of ['wire-bytes', 'file-bytes', 'memory-bytes', 'exports']) {
        const found = shown.find((f) => f.owner === module && f.figure === figure);
        expect(found?.value, `${module} ${figure}`).toBeGreaterThan(0);
      }
      // A module may rightly import nothing (the thumbnailer needs no host at all).
      expect(shown.find((f) => f.owner === module && f.figure === 'imports')?.value).toBeGreaterThanOrEqual(0);
    }
    expect(shown.find((f) => f.figure === 'memory-total')?.value).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('lists the exports and imports the modules themselves declare', async () => {
    const page = await fixture.browser.newPage();
    await page.goto(`${fixture.shop.url}/wasm`);
    const row = page.locator('shop-wasm-page tr[data-module="pricing"]');
    await row.waitFor({ timeout: 30_000 });
    const url = (await row.getAttribute('data-url'))!;
    const declared = await page.evaluate(async (moduleUrl) => {
      const module = await WebAssembly.compileStreaming(fetch(moduleUrl));
      return {
        exports: WebAssembly.Module.exports(module).map((e) => e.name),
        imports: WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`),
      };
    }, url);
    const details = page.locator('shop-wasm-page details[data-module="pricing"]');
    await details.locator('summary').click();
    const listed = (await details.locator('li code').allTextContents()).map((t) => t.trim());
    expect(listed).toEqual([...declared.exports, ...declared.imports]);
    expect(declared.exports).toContain('quote');
  });
});
