import { loadWasmModule } from '#wasm-source';

/** What a module declares to its host: its exports and imports, read from the compiled module. */
export interface ModuleInterface {
  exports: WebAssembly.ModuleExportDescriptor[];
  imports: WebAssembly.ModuleImportDescriptor[];
}

/** Compiles (or reuses) module `name` and lists its exports and imports. */
export async function moduleInterface(name: string): Promise<ModuleInterface> {
  const module = await loadWasmModule(name);
  return { exports: WebAssembly.Module.exports(module), imports: WebAssembly.Module.imports(module) };
}
