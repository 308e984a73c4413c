import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A generated shop of `count` products, made the way an operator makes one with the `laden` command
 * (generate without photos, build the search index, and `catalog ship` where the command has it),
 * and a copy of the built app (`dist/`) that serves it in place of the demo data. Both are kept in
 * a cache folder keyed by size, seed and the builds that made them, so a rerun only loads.
 */
export interface GeneratedShop {
  count: number;
  /** The copy of the built app whose data/ is the generated shop's. */
  distDir: string;
  /** Whether `laden catalog ship` prepared the data for the device. */
  shipped: boolean;
}

const root = process.cwd();
const cacheRoot = process.env['LADEN_BENCH_CACHE'] ?? join(tmpdir(), 'laden-shop-size');
const laden = (args: string[]) =>
  execFileSync(process.execPath, [join(root, 'bin', 'laden.js'), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });

/** Whether the command line can ship a catalog (the format made for the device); older builds cannot. */
export function canShip(): boolean {
  const help = spawnSync(process.execPath, [join(root, 'bin', 'laden.js'), 'catalog', 'ship', '--help'], {
    stdio: 'ignore',
  });
  return help.status === 0;
}

/** Changes when a folder's files do (names, sizes, times): a new build makes a new cache entry. */
function stampOf(dir: string): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const { size, mtimeMs } = statSync(full);
        hash.update(`${full}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 12);
}

/** Generated data, once per size, seed and command-line build. */
function dataOf(count: number, seed: number, ship: boolean): string {
  const dir = join(
    cacheRoot,
    `data-${count}-${seed}-${ship ? 'shipped' : 'plain'}-${stampOf(join(root, 'dist-node'))}`,
  );
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  laden(['catalog', 'generate', '--count', String(count), '--seed', String(seed), '--out', dir]);
  laden(['search', '--build-index', '--catalog', join(dir, 'catalog.json'), '--out', join(dir, 'search-index.bin')]);
  if (ship) laden(['catalog', 'ship', dir]);
  writeFileSync(join(dir, '.complete'), '');
  return dir;
}

/** The built app (`appDir`, default dist/) serving a generated shop of `count` products. */
export function generatedShop(count: number, seed = 42, appDir = join(root, 'dist')): GeneratedShop {
  const shipped = canShip();
  const data = dataOf(count, seed, shipped);
  const distDir = join(cacheRoot, `app-${count}-${seed}-${stampOf(appDir)}-${stampOf(data).slice(0, 6)}`);
  if (!existsSync(join(distDir, '.complete'))) {
    rmSync(distDir, { recursive: true, force: true });
    cpSync(appDir, distDir, { recursive: true, filter: (source) => source !== join(appDir, 'data') });
    cpSync(data, join(distDir, 'data'), { recursive: true, filter: (source) => !source.endsWith('.complete') });
    writeFileSync(join(distDir, '.complete'), '');
  }
  return { count, distDir, shipped };
}
