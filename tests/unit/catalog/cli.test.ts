import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { cliSession } from './cli-session.js';
import { generateCatalog } from '../../../src/catalog/generate.js';
import { parseCatalog } from '../../../src/catalog/schema.js';

const cli = cliSession('laden-catalog-');

describe('laden catalog generate', () => {
  it('writes catalog.json in the documented format, the same bytes on every run', async () => {
    const out = join(cli.dir, 'data');
    expect(await main(['catalog', 'generate', '--count', '40', '--seed', '5', '--out', out])).toBe(0);
    const first = await readFile(join(out, 'catalog.json'), 'utf8');
    expect(first).toBe(`${JSON.stringify(generateCatalog(40, 5).catalog)}\n`);
    expect(parseCatalog(JSON.parse(first)).products).toHaveLength(40);
    expect(cli.stdout.join('\n')).toMatch(/40 products in 13 categories/);

    expect(await main(['catalog', 'generate', '--count', '40', '--seed', '5', '--out', out])).toBe(0);
    expect(await readFile(join(out, 'catalog.json'), 'utf8')).toBe(first);
    expect(await readdir(out)).not.toContain('images');
  });

  it.each([
    [['--count', '-5'], '--count must be a whole number from 1 to 1000000, got "-5"'],
    [['--count', 'viele'], '--count must be a whole number from 1 to 1000000, got "viele"'],
    [['--count', '2.5'], '--count must be a whole number'],
    [['--seed', '4294967296'], '--seed must be a whole number from 0 to 4294967295'],
    [['--colour', 'rot'], "Unknown option '--colour'"],
  ])('exits 2 with one line for %j and writes nothing', async (options, message) => {
    const out = join(cli.dir, 'data');
    expect(await main(['catalog', 'generate', '--out', out, ...options])).toBe(2);
    expect(cli.stderr).toHaveLength(1);
    expect(cli.stderr[0]).toContain(message);
    expect(cli.stderr[0]).not.toContain('\n');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('exits 2 without --out, or when --out is a file', async () => {
    expect(await main(['catalog', 'generate', '--count', '3'])).toBe(2);
    const file = join(cli.dir, 'catalog.json');
    await writeFile(file, 'mein Katalog');
    expect(await main(['catalog', 'generate', '--out', file])).toBe(2);
    expect(cli.stderr).toEqual([
      'laden catalog generate: --out DIR is required',
      `laden catalog generate: --out ${file} is a file, not a folder`,
    ]);
    expect(await readFile(file, 'utf8')).toBe('mein Katalog');
  });

  it('explains itself with --help', async () => {
    expect(await main(['catalog', 'generate', '--help'])).toBe(0);
    expect(cli.stdout.join('\n')).toMatch(/--count N[\s\S]*--seed S[\s\S]*--images[\s\S]*--force/);
  });
});
