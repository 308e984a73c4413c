import {
  ConsoleStdout,
  Directory,
  File,
  OpenFile,
  PreopenDirectory,
  WASI as ShimWasi,
} from '@bjorn3/browser_wasi_shim';
import type { Inode } from '@bjorn3/browser_wasi_shim';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFlavor } from '../../../src/wasm/source.node.js';

/** build/wasm/laden-pricing.wasm as shipped, or its debug build (assertions on) in unit tests. */
export const commandPath = new URL(
  `../../../build/wasm/${defaultFlavor() === 'debug' ? 'laden-pricing.debug.wasm' : 'laden-pricing.wasm'}`,
  import.meta.url,
);

/**
 * The WASI hosts every command test runs under: Node's own node:wasi, each run in a process of its
 * own, and the pure-JavaScript browser_wasi_shim (the host the browser tests use) in this process.
 */
export const runtimes = ['node:wasi', 'browser_wasi_shim'] as const;
export type Runtime = (typeof runtimes)[number];

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
 * environment, preopened folders and standard streams.
 */
export function runCommand(options: CommandOptions = {}, runtime: Runtime = 'node:wasi'): Promise<CommandRun> {
  return runtime === 'node:wasi' ? runInProcessRetryingCrash(options) : runInShim(options);
}

const child = fileURLToPath(new URL('./node-wasi-child.mjs', import.meta.url));

class WasiCrash extends Error {}

/**
 * Node 20's node:wasi itself now and then segfaults its process even with pipes for its streams (a
 * runtime bug, seen once in a full test run on a busy machine; scripts/node-wasi-crash.mjs shows the
 * deterministic case): a crashed run is tried once more. A wrong answer or exit code is never
 * retried, and two crashes in a row still fail.
 */
async function runInProcessRetryingCrash(options: CommandOptions): Promise<CommandRun> {
  try {
    return await runInProcess(options);
  } catch (error) {
    if (!(error instanceof WasiCrash)) throw error;
    return runInProcess(options);
  }
}

function runInProcess(options: CommandOptions): Promise<CommandRun> {
  const spec = {
    wasm: fileURLToPath(commandPath),
    args: ['laden-pricing', ...(options.args ?? [])],
    env: options.env ?? {},
    preopens: options.preopens ?? {},
  };
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, ['--no-warnings', child, JSON.stringify(spec)], { env: {} });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    run.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    run.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    run.on('error', reject);
    run.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (signal !== null || code === null || code > 125) {
        reject(new WasiCrash(`node:wasi crashed its process (${signal ?? `exit ${code}`}): ${stderr.slice(0, 500)}`));
        return;
      }
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
    run.stdin.end(options.stdin ?? '');
  });
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** A host folder as the shim's in-memory directory (read once, before the run). */
function inMemory(dir: string): Map<string, Inode> {
  return new Map(
    readdirSync(dir).map((name): [string, Inode] => {
      const path = join(dir, name);
      return [name, statSync(path).isDirectory() ? new Directory(inMemory(path)) : new File(readFileSync(path))];
    }),
  );
}

async function runInShim(options: CommandOptions): Promise<CommandRun> {
  compiled ??= readFile(commandPath).then((bytes) => WebAssembly.compile(bytes));
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const wasi = new ShimWasi(
    ['laden-pricing', ...(options.args ?? [])],
    Object.entries(options.env ?? {}).map(([name, value]) => `${name}=${value}`),
    [
      new OpenFile(new File(new TextEncoder().encode(options.stdin ?? ''))),
      new ConsoleStdout((chunk) => out.push(chunk)),
      new ConsoleStdout((chunk) => err.push(chunk)),
      ...Object.entries(options.preopens ?? {}).map(([guest, host]) => new PreopenDirectory(guest, inMemory(host))),
    ],
    { debug: false },
  );
  const instance = await WebAssembly.instantiate(await compiled, { wasi_snapshot_preview1: wasi.wasiImport });
  const code = wasi.start(instance as unknown as { exports: { memory: WebAssembly.Memory; _start(): unknown } });
  const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8');
  return { code, stdout: text(out), stderr: text(err) };
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
