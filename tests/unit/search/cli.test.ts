import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main.js';
import { catalog, product } from './fixture.js';

const shop = catalog([
  product('p00001', { title: 'Wanderrucksack Alpin 30 L', price: 12900 }),
  product('p00002', { title: 'Kaffeemühle Handmahlwerk', price: 4990 }),
  product('p00003', { title: 'Rucksack Stadt', price: 5900 }),
]);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('laden search', () => {
  let dir = '';
  afterEach(async () => {
    vi.restoreAllMocks();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function files() {
    dir = await mkdtemp(join(tmpdir(), 'laden-search-'));
    const catalogFile = join(dir, 'catalog.json');
    await writeFile(catalogFile, JSON.stringify(shop));
    return { catalogFile, indexFile: join(dir, 'search-index.bin') };
  }

  it('prints ranked results as JSON', async () => {
    const { catalogFile } = await files();
    const { code, out } = await run(['search', 'rucksack', '--catalog', catalogFile, '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { id: string; title: string; score: number }[];
    expect(rows.map((r) => r.id)).toEqual(['p00003', 'p00001']);
    expect(rows[0]!.score).toBeGreaterThan(rows[1]!.score);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'title', 'score']);
  });

  it('prints a readable list with the price and a "Meinten Sie" for a typo', async () => {
    const { catalogFile } = await files();
    const { code, out } = await run(['search', 'kafemühle', '--catalog', catalogFile, '--limit', '1']);
    expect(code).toBe(0);
    expect(out).toContain('Meinten Sie „kaffeemühle“?');
    expect(out).toMatch(/p00002 {2}Kaffeemühle Handmahlwerk \(Hausmarke\), 49,90\s€/);
  });

  it('writes the index image and searches with it', async () => {
    const { catalogFile, indexFile } = await files();
    const built = await run(['search', '--build-index', '--catalog', catalogFile, '--out', indexFile]);
    expect(built.code).toBe(0);
    expect((await readFile(indexFile)).byteLength).toBeGreaterThan(128);
    const { out, err } = await run(['search', 'stadt', '--catalog', catalogFile, '--index', indexFile, '--json']);
    expect(err).toBe('');
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ id: 'p00003' })]);
  });

  it('indexes the catalog instead when the saved index is damaged, and says so', async () => {
    const { catalogFile, indexFile } = await files();
    await writeFile(indexFile, 'not an index at all, just text');
    const { code, out, err } = await run(['search', 'stadt', '--catalog', catalogFile, '--index', indexFile, '--json']);
    expect(code).toBe(0);
    expect(err).toMatch(/cannot be used: it is shorter than its header.*indexing the catalog instead/);
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ id: 'p00003' })]);
  });

  it('refuses bad usage with exit code 2', async () => {
    const { catalogFile } = await files();
    expect((await run(['search', '--catalog', catalogFile])).code).toBe(2);
    expect((await run(['search', 'x', '--catalog', catalogFile, '--limit', '0'])).code).toBe(2);
    expect((await run(['search', '--build-index', '--catalog', catalogFile])).code).toBe(2);
    const missing = await run(['search', 'x', '--catalog', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read the catalog/);
  });
});
