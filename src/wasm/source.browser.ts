import { compileWasm } from './loader.js';

export type WasmFlavor = 'debug' | 'release';

// Vite fingerprints each release module and emits it as an asset; the service worker precaches it.
const urls = import.meta.glob<string>('../../build/wasm/*.release.wasm', {
  query: '?url',
  import: 'default',
  eager: true,
});

export function wasmUrl(name: string): string {
  const url = urls[`../../build/wasm/${name}.release.wasm`];
  if (!url) throw new Error(`Laden: WASM module "${name}" is not part of this build`);
  return url;
}

const compiled = new Map<string, Promise<WebAssembly.Module>>();

/** Streams and compiles a module once per page (or worker). */
export function loadWasmModule(name: string): Promise<WebAssembly.Module> {
  let module = compiled.get(name);
  if (!module) {
    module = compileWasm(new URL(wasmUrl(name), location.href));
    // A failed load may succeed later (back online): do not keep the rejection.
    module.catch(() => compiled.delete(name));
    compiled.set(name, module);
  }
  return module;
}
