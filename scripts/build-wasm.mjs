#!/usr/bin/env node
// Compiles every module under assembly/ (each folder with an index.ts and an asconfig.json) into
// build/wasm/<name>.debug.wasm (assertions, source map: tests) and <name>.release.wasm (-O3: app,
// server, CLI, benchmarks). Skips a target whose output is newer than every source it depends on.
import { readdir, stat, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const assemblyDir = join(root, 'assembly');
const outDir = join(root, 'build', 'wasm');
const force = process.argv.includes('--force');

async function newestMtime(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const { mtimeMs } = await stat(join(entry.parentPath ?? entry.path, entry.name));
    newest = Math.max(newest, mtimeMs);
  }
  return newest;
}

await mkdir(outDir, { recursive: true });
const sourcesMtime = await newestMtime(assemblyDir);
const modules = (await readdir(assemblyDir, { withFileTypes: true }))
  .filter(
    (e) => e.isDirectory() && ['asconfig.json', 'index.ts'].every((f) => existsSync(join(assemblyDir, e.name, f))),
  )
  .map((e) => e.name);

// The WASI command has main.ts, not index.ts, so the loop skips it and the browser never bundles it.
const builds = [
  ...modules.flatMap((name) =>
    ['debug', 'release'].map((target) => ({
      name,
      entry: join(name, 'index.ts'),
      target,
      file: `${name}.${target}.wasm`,
    })),
  ),
  ...['debug', 'release'].map((target) => ({
    name: 'pricing-wasi',
    entry: join('pricing-wasi', 'main.ts'),
    target,
    file: target === 'release' ? 'laden-pricing.wasm' : 'laden-pricing.debug.wasm',
  })),
];

for (const { name, entry, target, file } of builds) {
  const out = join(outDir, file);
  if (!force && existsSync(out) && (await stat(out)).mtimeMs > sourcesMtime) continue;
  const started = performance.now();
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js'),
      // Relative to the root: asc resolves an asconfig's `lib` paths wrongly from an absolute --config.
      relative(root, join(assemblyDir, entry)),
      '--config',
      relative(root, join(assemblyDir, name, 'asconfig.json')),
      '--target',
      target,
      '--outFile',
      out,
      '--textFile',
      out.replace(/\.wasm$/, '.wat'),
    ],
    { stdio: 'inherit', cwd: root },
  );
  const { size } = await stat(out);
  console.log(`wasm ${file}: ${size} bytes in ${Math.round(performance.now() - started)} ms`);
}
