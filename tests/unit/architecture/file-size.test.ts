import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

/** Lines of every TypeScript source file under `folder`, by path relative to the project. */
function lineCounts(folder: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8');
    counts.set(relative(root, path), text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
  }
  return counts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe('source files stay small enough to read in one sitting', () => {
  const counts = new Map([...lineCounts('src'), ...lineCounts('assembly')]);

  it('has no file of src/ or assembly/ over 400 lines', () => {
    expect(counts.size).toBeGreaterThan(100);
    const long = [...counts].filter(([, lines]) => lines > 400).map(([path, lines]) => `${path}: ${lines}`);
    expect(long).toEqual([]);
  });

  it('keeps the median file under 120 lines', () => {
    expect(median([...counts.values()])).toBeLessThan(120);
  });
});
