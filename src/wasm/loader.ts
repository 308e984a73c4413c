import { WasmInputError, WasmTrapError } from './errors.js';

/** What every Laden module exports besides its own functions. */
export interface LadenExports extends WebAssembly.Exports {
  memory: WebAssembly.Memory;
}

export interface LoadOptions {
  /** Where the module's start-up and debug messages go. */
  log?: (moduleName: string, message: string) => void;
}

class ModuleAbort extends Error {
  constructor(
    readonly detail: string,
    readonly position: string,
  ) {
    super(detail);
  }
}

const defaultLog = (moduleName: string, message: string): void => console.info(`[wasm:${moduleName}] ${message}`);

/** Compiles from a URL (streaming where the server sends `application/wasm`) or from bytes. */
export async function compileWasm(source: URL | string | BufferSource): Promise<WebAssembly.Module> {
  if (typeof source !== 'string' && !(source instanceof URL)) return WebAssembly.compile(source);
  const response = await fetch(source);
  if (!response.ok) throw new Error(`Could not load ${String(source)}: HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('application/wasm') && 'compileStreaming' in WebAssembly) {
    return WebAssembly.compileStreaming(response);
  }
  // A server without the wasm MIME type (or a file:// page) still works, only without streaming.
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * One live instance of a compiled module. It is the only code that reads or writes linear
 * memory for its facade: views are made fresh on every access because `memory.grow` detaches
 * the old buffer, and a trap replaces the instance with a new one from the same compiled module.
 */
export class WasmInstance<E extends LadenExports = LadenExports> {
  #exports!: E;
  #generation = 0;
  readonly #log: (moduleName: string, message: string) => void;

  constructor(
    readonly name: string,
    readonly module: WebAssembly.Module,
    options: LoadOptions = {},
  ) {
    this.#log = options.log ?? defaultLog;
    this.#instantiate();
  }

  get exports(): E {
    return this.#exports;
  }

  /** Bumps on every re-instantiation, so facades know their loaded state is gone. */
  get generation(): number {
    return this.#generation;
  }

  get memoryBytes(): number {
    return this.#exports.memory.buffer.byteLength;
  }

  u8(byteOffset = 0, length?: number): Uint8Array {
    return new Uint8Array(this.#exports.memory.buffer, byteOffset, length);
  }

  i32(byteOffset: number, length: number): Int32Array {
    return new Int32Array(this.#exports.memory.buffer, byteOffset, length);
  }

  u32(byteOffset: number, length: number): Uint32Array {
    return new Uint32Array(this.#exports.memory.buffer, byteOffset, length);
  }

  f64(byteOffset: number, length: number): Float64Array {
    return new Float64Array(this.#exports.memory.buffer, byteOffset, length);
  }

  i64(byteOffset: number, length: number): BigInt64Array {
    return new BigInt64Array(this.#exports.memory.buffer, byteOffset, length);
  }

  dataView(): DataView {
    return new DataView(this.#exports.memory.buffer);
  }

  /**
   * Runs `operation` against the exports. A trap becomes a `WasmTrapError` naming the module,
   * the operation and (for an abort) the source position; the instance is then rebuilt.
   */
  call<R>(operation: string, run: (exports: E) => R): R {
    try {
      return run(this.#exports);
    } catch (error) {
      if (error instanceof ModuleAbort) {
        this.#instantiate();
        throw new WasmTrapError(this.name, operation, error.detail, error.position, { cause: error });
      }
      // Stack exhaustion inside the module surfaces as a RangeError, not a RuntimeError.
      const trapped =
        error instanceof WebAssembly.RuntimeError ||
        (error instanceof RangeError && !(error instanceof WasmInputError));
      if (trapped) {
        this.#instantiate();
        throw new WasmTrapError(this.name, operation, error.message, undefined, { cause: error });
      }
      throw error;
    }
  }

  #instantiate(): void {
    const readString = (ptr: number): string => {
      if (ptr === 0) return '';
      const buffer = this.#exports.memory.buffer;
      const byteLength = new Uint32Array(buffer, ptr - 4, 1)[0] ?? 0;
      return new TextDecoder('utf-16le').decode(new Uint8Array(buffer, ptr, byteLength));
    };
    const imports = {
      env: {
        abort: (message: number, file: number, line: number, column: number): never => {
          throw new ModuleAbort(readString(message) || 'abort', `${readString(file)}:${line}:${column}`);
        },
        seed: (): number => Date.now(),
      },
      laden: {
        log: (ptr: number): void => this.#log(this.name, readString(ptr)),
      },
    };
    this.#exports = new WebAssembly.Instance(this.module, imports).exports as E;
    this.#generation++;
    // Modules are built with --exportStart so their top-level code runs here, once the exports
    // (and so the memory the host log reads) exist.
    const start = this.#exports['_start'];
    if (typeof start === 'function') start();
  }
}

const owners = new WeakMap<object, WasmInstance>();

/** Records that `facade` alone owns `instance` (its fields keep it private); returns the instance. */
export function ownInstance<I extends WasmInstance>(facade: object, instance: I): I {
  owners.set(facade, instance as unknown as WasmInstance);
  return instance;
}

/**
 * The instance a facade owns, for tests that make a module trap or call it past the facade's
 * checks. Nothing outside src/wasm/ imports this module (eslint.config.js).
 */
export function instanceOwnedBy<E extends LadenExports = LadenExports>(facade: object): WasmInstance<E> {
  const instance = owners.get(facade);
  if (!instance) throw new Error('not a WASM facade');
  return instance as unknown as WasmInstance<E>;
}
