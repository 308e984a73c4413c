import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  /** SIGTERM and wait (a clean stop). */
  close(): Promise<void>;
  /** SIGKILL: the process dies mid-work, as in a power cut of the machine it runs on. */
  kill(): Promise<void>;
}

/**
 * The real server (`laden serve`, the dist-node bundle from `npm run build:node`) in its own process,
 * as an operator runs it: several of them may share one PostgreSQL. `core` pins it with taskset, so a
 * load generator elsewhere never shares its core (benchmarks).
 */
export async function startServerProcess(options: {
  database: string;
  distDir: string;
  core?: number;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const bin = join(process.cwd(), 'bin', 'laden.js');
  const args = [bin, 'serve', '--port', '0', '--dist', options.distDir, '--db', options.database];
  const [command, argv] =
    options.core === undefined
      ? [process.execPath, args]
      : ['taskset', ['-c', String(options.core), process.execPath, ...args]];
  const child: ChildProcess = spawn(command, argv, {
    env: { ...process.env, LADEN_WASM_FLAVOR: 'release', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) =>
      reject(new Error(`laden serve exited with ${code} (run npm run build:node first): ${stderr.slice(-2000)}`)),
    );
  });
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await once(child, 'exit');
  };
  return { url, close: () => stop('SIGTERM'), kill: () => stop('SIGKILL') };
}
