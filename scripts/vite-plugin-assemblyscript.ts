import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const run = promisify(execFile);

/**
 * Keeps build/wasm/ current: compiles the AssemblyScript modules before a build or the dev server
 * starts, and in dev recompiles on every change under assembly/ and reloads the page.
 */
export function assemblyScript(): Plugin {
  const build = async () => {
    const { stdout } = await run(process.execPath, ['scripts/build-wasm.mjs']);
    if (stdout.trim()) console.log(stdout.trim());
  };
  return {
    name: 'laden-assemblyscript',
    async buildStart() {
      await build();
    },
    configureServer(server) {
      server.watcher.add('assembly');
      server.watcher.on('change', (file) => {
        if (!file.includes('/assembly/')) return;
        build().then(
          () => server.ws.send({ type: 'full-reload' }),
          (error: Error) => server.config.logger.error(`AssemblyScript: ${error.message}`),
        );
      });
    },
  };
}
