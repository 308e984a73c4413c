import { moduleInterface } from '../../wasm/module-interface.js';
import { wasmUrl } from '../../wasm/source.browser.js';

/** What the page tells about one WASM module, read from the module and the network. */
export interface ModuleFacts {
  name: string;
  url: string;
  /** Bytes of the .wasm file. */
  fileBytes: number;
  /** Bytes that travelled: as measured by the browser, or the file gzip-compressed as the server sends it. */
  wireBytes: number;
  wireMeasured: boolean;
  exports: WebAssembly.ModuleExportDescriptor[];
  imports: WebAssembly.ModuleImportDescriptor[];
}

async function gzipBytes(bytes: ArrayBuffer): Promise<number> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** The compressed size the browser saw for `url`, if it came over the network (not from a cache). */
function measuredWireBytes(url: string): number | undefined {
  const entries = performance.getEntriesByName(url, 'resource') as PerformanceResourceTiming[];
  const sizes = entries.filter((e) => e.transferSize > 0 && e.encodedBodySize > 0).map((e) => e.encodedBodySize);
  return sizes.length ? Math.min(...sizes) : undefined;
}

/** Compiles (or reuses) the module and reads its exports and imports from the module itself. */
export async function moduleFacts(name: string): Promise<ModuleFacts> {
  const url = new URL(wasmUrl(name), location.href).href;
  const { exports, imports } = await moduleInterface(name);
  const file = await (await fetch(url)).arrayBuffer();
  const measured = measuredWireBytes(url);
  return {
    name,
    url,
    fileBytes: file.byteLength,
    wireBytes: measured ?? (await gzipBytes(file)),
    wireMeasured: measured !== undefined,
    exports,
    imports,
  };
}
