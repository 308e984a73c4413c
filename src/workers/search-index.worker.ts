/// <reference lib="webworker" />
/**
 * Rebuilds the search index off the main thread when the catalog changed at run time (or the
 * shipped index could not be used): the same WASM engine indexes the catalog and the finished
 * memory image is transferred back, so the page only copies it into its own instance.
 */
import type { Catalog } from '../domain/catalog.js';
import { SearchEngine } from '../wasm/search.js';

declare const self: DedicatedWorkerGlobalScope;

export interface SearchIndexJob {
  catalog: Catalog;
}

export type SearchIndexReply = { ok: true; image: Uint8Array; ms: number } | { ok: false; message: string };

self.onmessage = async (event: MessageEvent<SearchIndexJob>) => {
  const started = performance.now();
  let reply: SearchIndexReply;
  try {
    const engine = await SearchEngine.build(event.data.catalog);
    reply = { ok: true, image: engine.image(), ms: performance.now() - started };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply, reply.ok ? [reply.image.buffer] : []);
};
