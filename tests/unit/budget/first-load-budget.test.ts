import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkBudget, entryFiles, firstLoad, staticImports } from '../../../scripts/first-load-budget.mjs';

const gzipped = (text: string) => gzipSync(text, { level: 9 }).byteLength;

const html = `<!doctype html><html><head>
  <link rel="icon" href="/favicon.svg" />
  <link rel="preload" href="/data/catalog.json" as="fetch" crossorigin />
  <link rel="preload" href="/assets/search.wasm" as="fetch" crossorigin />
  <script type="module" crossorigin src="/assets/index.js" integrity="sha384-x"></script>
  <link rel="modulepreload" crossorigin href="/assets/lit.js">
  <link rel="stylesheet" crossorigin href="/assets/index.css">
  <script src="https://elsewhere.example/tracker.js"></script>
</head><body></body></html>`;

/** A small build: the entry imports lit and a chunk statically, the checkout only dynamically. */
const files: Record<string, string> = {
  '/assets/index.js': `import{a as b}from"./lit.js";import"./chunk.js";const c=()=>import("./checkout.js");b(c);`,
  '/assets/lit.js': `export const a=(x)=>x;`.repeat(20),
  '/assets/chunk.js': `export*from"./lit.js";console.log("chunk");`,
  '/assets/checkout.js': `import{z}from"./zod.js";export const form=z;`,
  '/assets/zod.js': 'export const z=1;'.repeat(500),
  '/assets/index.css': 'body{margin:0}'.repeat(10),
  '/assets/search.wasm': '\0asm'.repeat(30),
};

function build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'laden-budget-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), html);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

describe('the first-load budget', () => {
  it('starts from the scripts, style sheets, module preloads and WASM preloads of index.html', () => {
    expect(entryFiles(html)).toEqual([
      '/assets/search.wasm',
      '/assets/index.js',
      '/assets/lit.js',
      '/assets/index.css',
    ]);
  });

  it('follows static imports and re-exports but not dynamic imports', () => {
    expect(staticImports(files['/assets/index.js']!, '/assets/index.js')).toEqual([
      '/assets/lit.js',
      '/assets/chunk.js',
    ]);
    expect(staticImports(files['/assets/chunk.js']!, '/assets/chunk.js')).toEqual(['/assets/lit.js']);
  });

  it('sums the gzipped size of each file of the first load once', () => {
    const load = firstLoad(html, (path) => Buffer.from(files[path]!));
    const paths = [
      '/assets/search.wasm',
      '/assets/index.js',
      '/assets/lit.js',
      '/assets/index.css',
      '/assets/chunk.js',
    ];
    expect(load.files.map((file) => file.path)).toEqual(paths);
    expect(load.files.find((file) => file.path === '/assets/lit.js')).toEqual({
      path: '/assets/lit.js',
      bytes: files['/assets/lit.js']!.length,
      gzip: gzipped(files['/assets/lit.js']!),
    });
    expect(load.gzip).toBe(paths.reduce((sum, path) => sum + gzipped(files[path]!), 0));
  });

  it('passes a build within the budget and fails one over it', () => {
    const dir = build();
    const within = checkBudget(dir);
    expect(within.ok).toBe(true);
    expect(within.files.map((file) => file.path)).not.toContain('/assets/zod.js');
    const over = checkBudget(dir, within.gzip - 1);
    expect(over).toMatchObject({ ok: false, gzip: within.gzip, budget: within.gzip - 1 });
  });

  it("adds the heaviest page's own chunks, which the server names in that page's HTML", () => {
    const dir = build();
    const shellOnly = checkBudget(dir);
    expect(shellOnly.routes).toEqual([]);
    // The build's route-modules.json: /checkout needs its chunk and zod; /cart a chunk the shell already loads.
    const route = (...paths: string[]) => paths.map((href) => ({ href, integrity: 'sha384-x' }));
    writeFileSync(
      join(dir, 'route-modules.json'),
      JSON.stringify({
        '/cart': route('/assets/chunk.js'),
        '/checkout': route('/assets/checkout.js', '/assets/zod.js'),
      }),
    );
    const withPages = checkBudget(dir);
    const checkout = gzipped(files['/assets/checkout.js']!) + gzipped(files['/assets/zod.js']!);
    expect(withPages.routes).toEqual([
      { route: '/cart', files: [], gzip: 0 },
      expect.objectContaining({ route: '/checkout', gzip: checkout }),
    ]);
    expect(withPages).toMatchObject({
      heaviest: '/checkout',
      shellGzip: shellOnly.gzip,
      gzip: shellOnly.gzip + checkout,
    });
    expect(checkBudget(dir, shellOnly.gzip + checkout - 1).ok).toBe(false);
  });

  it('names a file index.html loads that the build does not have', () => {
    const dir = build();
    writeFileSync(join(dir, 'index.html'), html.replace('/assets/lit.js', '/assets/gone.js'));
    expect(() => checkBudget(dir)).toThrow(/loads \/assets\/gone\.js, which is not in/);
  });
});
