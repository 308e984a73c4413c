import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';
import { defaultFlavor } from '../../../src/wasm/source.node.js';

/** build/wasm/laden-pricing.wasm as shipped, or its debug build (assertions on) in unit tests. */
export const commandPath = new URL(
  `../../../build/wasm/${defaultFlavor() === 'debug' ? 'laden-pricing.debug.wasm' : 'laden-pricing.wasm'}`,
  import.meta.url,
);

let compiled: Promise<WebAssembly.Module> | undefined;

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  args?: string[];
  env?: Record<string, string>;
  stdin?: string;
  /** Guest path to host folder, as `wasmtime --dir host::guest` would map them. */
  preopens?: Record<string, string>;
}

/**
 * Runs the command the way any WASI runtime does: a fresh instance with its own arguments,
 * environment, preopened folders and standard streams (files here, so nothing is interleaved).
 */
export async function runCommand(options: CommandOptions = {}): Promise<CommandRun> {
  compiled ??= readFile(commandPath).then((bytes) => WebAssembly.compile(bytes));
  const io = mkdtempSync(join(tmpdir(), 'laden-wasi-io-'));
  writeFileSync(join(io, 'stdin'), options.stdin ?? '');
  const fds = ['stdin', 'stdout', 'stderr'].map((name, i) => openSync(join(io, name), i === 0 ? 'r' : 'w'));
  try {
    const wasi = new WASI({
      version: 'preview1',
      args: ['laden-pricing', ...(options.args ?? [])],
      env: options.env ?? {},
      preopens: options.preopens ?? {},
      stdin: fds[0],
      stdout: fds[1],
      stderr: fds[2],
      returnOnExit: true,
    });
    const instance = await WebAssembly.instantiate(await compiled, wasi.getImportObject() as WebAssembly.Imports);
    const code = wasi.start(instance);
    return {
      code,
      stdout: readFileSync(join(io, 'stdout'), 'utf8'),
      stderr: readFileSync(join(io, 'stderr'), 'utf8'),
    };
  } finally {
    fds.forEach((fd) => closeSync(fd));
    rmSync(io, { recursive: true, force: true });
  }
}

/** A folder with the given files, removed by `remove()`. */
export function folderWith(files: Record<string, unknown>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'laden-wasi-data-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A CGI response as a WAGI host reads it from stdout: headers, an empty line, the body. */
export function parseCgi(stdout: string): { status: number; headers: Map<string, string>; body: string } {
  const end = stdout.indexOf('\n\n');
  if (end < 0) throw new Error(`no end of headers in ${JSON.stringify(stdout)}`);
  const headers = new Map(
    stdout
      .slice(0, end)
      .split('\n')
      .map((line): [string, string] => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
      }),
  );
  return { status: Number(headers.get('status') ?? 200), headers, body: stdout.slice(end + 2) };
}
