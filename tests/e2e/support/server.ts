import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../../../src/server/main.js';

export const distDir = join(process.cwd(), 'dist');

/** Starts the real server on loopback (a free port unless given) over the built app (`npm run build` first). */
export async function startShop(options: StartOptions = {}): Promise<RunningServer> {
  const dir = options.distDir ?? distDir;
  if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'data', 'catalog.json'))) {
    throw new Error(`No built shop in ${dir}: run npm run build first`);
  }
  return startServer({ ...options, port: options.port ?? 0, host: '127.0.0.1', distDir: dir });
}
