import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (where package.json is), found from this file whether it runs from src/ or
 * from the dist-node bundle: the server's dist/ and the WASM modules' build/ hang off it.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Laden: cannot find the package root (package.json)');
    dir = parent;
  }
  return dir;
}
