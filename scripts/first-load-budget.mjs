#!/usr/bin/env node
// The first-load budget: the scripts, style sheets and WASM modules a page needs before its first view,
// gzipped, must stay under BUDGET_BYTES. Run at the end of `npm run build:app`; exits 1 when over.
//
// The first load is what the built index.html makes the browser fetch before any code decides
// otherwise: its module scripts, style sheets, module preloads and preloaded WASM, plus every module
// those scripts import statically (the whole graph; dynamic `import()`s are left out, they load later),
// plus the chunks of the page itself, which the server names in that page's HTML (route-modules.json):
// the heaviest page counts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** 60 KB gzip: what a mid-range phone on a slow 4G link fetches and evaluates in well under a second. */
export const BUDGET_BYTES = 60_000;

const TAG = /<(script|link)\b([^>]*)>/g;
const ATTR = (name) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`);
/** Static imports and re-exports in (minified) ES modules: `from"./x.js"`, `import"./x.js"`; not `import(`. */
const STATIC_IMPORT = /\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g;

/** The same-origin files (absolute URL paths) index.html loads up front. */
export function entryFiles(html) {
  const files = [];
  for (const [, name, attrs] of html.matchAll(TAG)) {
    if (name === 'script') {
      const src = ATTR('src').exec(attrs)?.[1];
      if (src && ATTR('type').exec(attrs)?.[1] === 'module') files.push(src);
      continue;
    }
    const rel = ATTR('rel').exec(attrs)?.[1] ?? '';
    const href = ATTR('href').exec(attrs)?.[1];
    if (!href) continue;
    const preloadsCode = rel === 'preload' && /\.(js|css|wasm)$/.test(href);
    if (rel === 'stylesheet' || rel === 'modulepreload' || preloadsCode) files.push(href);
  }
  return files.filter((file) => file.startsWith('/'));
}

/** The relative specifiers a module imports statically, resolved against its own URL path. */
export function staticImports(code, from) {
  const found = [];
  for (const match of code.matchAll(STATIC_IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (specifier?.startsWith('./') || specifier?.startsWith('../') || specifier?.startsWith('/')) {
      found.push(posix.resolve(posix.dirname(from), specifier));
    }
  }
  return found;
}

/**
 * Every file of the first load with its gzipped size, the entries first, then in the order their
 * imports are found. `read(path)` returns the bytes of a URL path (e.g. from the build's output folder).
 */
export function firstLoad(html, read) {
  const seen = new Set();
  const queue = entryFiles(html);
  const files = [];
  while (queue.length > 0) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const bytes = read(path);
    files.push({ path, bytes: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength });
    if (path.endsWith('.js')) queue.push(...staticImports(Buffer.from(bytes).toString('utf8'), path));
  }
  return { files, gzip: files.reduce((sum, file) => sum + file.gzip, 0) };
}

/**
 * The chunks of the pages loaded when entered (route-modules.json, written by the build): the server
 * names a page's chunks in that page's HTML, so they are part of its first load. Per route, the
 * files beyond `shell` with their gzipped sizes; none for a build without the file.
 */
export function routeLoads(distDir, shell) {
  const file = join(distDir, 'route-modules.json');
  if (!existsSync(file)) return [];
  const routes = JSON.parse(readFileSync(file, 'utf8'));
  return Object.entries(routes).map(([route, modules]) => {
    const files = modules
      .map((module) => module.href)
      .filter((path) => !shell.has(path))
      .map((path) => {
        const bytes = readFileSync(join(distDir, path));
        return { path, bytes: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
      });
    return { route, files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
  });
}

/**
 * Reads the first load of the build in `distDir` and reports it against `budget`: the shell that
 * index.html loads plus the chunks of the heaviest page (every page's first load must fit).
 */
export function checkBudget(distDir, budget = BUDGET_BYTES) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const shell = firstLoad(html, (path) => {
    const file = join(distDir, path);
    if (!existsSync(file)) throw new Error(`index.html loads ${path}, which is not in ${distDir}`);
    return readFileSync(file);
  });
  const routes = routeLoads(distDir, new Set(shell.files.map((f) => f.path)));
  const heaviest = routes.reduce((top, r) => (r.gzip > (top?.gzip ?? -1) ? r : top), undefined);
  const gzip = shell.gzip + (heaviest?.gzip ?? 0);
  return {
    files: shell.files,
    shellGzip: shell.gzip,
    routes,
    heaviest: heaviest?.route,
    gzip,
    budget,
    ok: gzip <= budget,
  };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const distDir = process.argv[2] ?? join(root, 'dist');
  const report = checkBudget(distDir);
  for (const file of report.files)
    console.log(`  ${file.path.padEnd(48)} ${kb(file.bytes).padStart(10)} ${kb(file.gzip).padStart(9)} gzip`);
  console.log(`shell: ${kb(report.shellGzip)} gzip; each page's own chunks on top of it:`);
  for (const route of report.routes) console.log(`  ${route.route.padEnd(48)} ${kb(route.gzip).padStart(20)} gzip`);
  const verdict = report.ok ? 'within' : 'OVER';
  const page = report.heaviest ? ` (shell + ${report.heaviest}, the heaviest page)` : '';
  console.log(`first load: ${kb(report.gzip)} gzip${page}, ${verdict} the budget of ${kb(report.budget)}`);
  if (!report.ok) process.exit(1);
}
