/// <reference lib="webworker" />
/**
 * The device's search engine, off the main thread: the index file is fetched, checked and loaded
 * here, and queries are answered here, so the page never parses or holds the index. Messages are
 * handled in order; a query that arrives before the index is loaded waits for it.
 */
import { WasmTrapError } from '../wasm/errors.js';
import { DeviceSearch } from './device-search.js';
import type { SearchReply, SearchRequest } from './search-protocol.js';

declare const self: DedicatedWorkerGlobalScope;

let engine: Promise<DeviceSearch> | undefined;
const reply = (message: SearchReply) => self.postMessage(message);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function open(url: string): Promise<DeviceSearch> {
  const started = performance.now();
  let file: Uint8Array;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The search index is not available (HTTP ${response.status})`);
    file = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    reply({ type: 'failed', message: reason(error), offline: error instanceof TypeError });
    throw error;
  }
  const fetched = performance.now();
  try {
    const search = await DeviceSearch.open(file);
    const loaded = performance.now();
    reply({
      type: 'ready',
      documents: search.documents,
      fileBytes: file.byteLength,
      fetchMs: fetched - started,
      loadMs: loaded - fetched,
      memoryBytes: search.memoryBytes,
    });
    return search;
  } catch (error) {
    reply({ type: 'failed', message: reason(error), offline: false });
    throw error;
  }
}

self.onmessage = async (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'open') {
    engine = open(request.url);
    engine.catch(() => undefined);
    return;
  }
  if (request.type === 'build') {
    const started = performance.now();
    engine = DeviceSearch.build(request.catalog);
    engine.then(
      (search) =>
        reply({
          type: 'ready',
          documents: search.documents,
          fileBytes: 0,
          fetchMs: 0,
          loadMs: performance.now() - started,
          memoryBytes: search.memoryBytes,
        }),
      (error: unknown) => reply({ type: 'failed', message: reason(error), offline: false }),
    );
    return;
  }
  const started = performance.now();
  try {
    if (!engine) throw new Error('the search index was not opened');
    const search = await engine;
    let result;
    try {
      result = search.search(request.query, request.options);
    } catch (error) {
      // The engine starts afresh after a trap and copies its index back in: one more try.
      if (!(error instanceof WasmTrapError)) throw error;
      console.error(error);
      result = search.search(request.query, request.options);
    }
    reply({ type: 'result', id: request.id, result, ms: performance.now() - started });
  } catch (error) {
    reply({ type: 'error', id: request.id, message: reason(error) });
  }
};
