import { startServerProcess, type ServerProcess } from '../../tests/support/server-process.js';

export type { ServerProcess };

/**
 * The real server (`laden serve`, the dist-node bundle) in its own process, pinned to one core with
 * taskset, so the load generator in this process never shares the server's core.
 */
export function startServerOnOneCore(options: {
  core: number;
  dbPath: string;
  distDir: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  return startServerProcess({
    database: options.dbPath,
    distDir: options.distDir,
    core: options.core,
    env: options.env,
  });
}
