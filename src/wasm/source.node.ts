import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../node/package-root.js';
import { compileWasm } from './loader.js';

export type WasmFlavor = 'debug' | 'release';

/** Tests run the debug build (assertions on); everything else the release build. */
export function defaultFlavor(): WasmFlavor {
  return process.env['LADEN_WASM_FLAVOR'] === 'debug' ? 'debug' : 'release';
}

export function wasmPath(name: string, flavor: WasmFlavor = defaultFlavor()): string {
  return join(packageRoot(), 'build', 'wasm', `${name}.${flavor}.wasm`);
}

const compiled = new Map<string, Promise<WebAssembly.Module>>();

/** Compiles a module from build/wasm once per process. */
export function loadWasmModule(name: string, flavor: WasmFlavor = defaultFlavor()): Promise<WebAssembly.Module> {
  const path = wasmPath(name, flavor);
  let module = compiled.get(path);
  if (!module) {
    module = readFile(path).then(
      (bytes) => compileWasm(bytes),
      (error: unknown) => {
        throw new Error(`Laden: WASM module "${name}" is not built (${path}); run npm run build:wasm`, {
          cause: error,
        });
      },
    );
    compiled.set(path, module);
  }
  return module;
}
