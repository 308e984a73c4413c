import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  close(): Promise<void>;
}

/**
 * The real server (`laden serve`, the dist-node bundle) in its own process, pinned to one core with
 * taskset, so the load generator in this process never shares the server's core.
 */
export async function startServerOnOneCore(options: {
  core: number;
  dbPath: string;
  distDir: string;
}): Promise<ServerProcess> {
  const bin = join(process.cwd(), 'bin', 'laden.js');
  const child: ChildProcess = spawn(
    'taskset',
    ['-c', String(options.core), process.execPath, bin, 'serve', '--port', '0', '--dist', options.distDir],
    {
      env: { ...process.env, LADEN_DB: options.dbPath, LADEN_WASM_FLAVOR: 'release' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`laden serve exited with ${code}; run npm run build first`)));
  });
  return {
    url,
    async close() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
