import { SearchIndexError, loadFailure } from './search-image.js';

/**
 * What an index file holds beside the engine's image, so that a worker can search with nothing else
 * of the catalog: the facet keys and, per document, its id and the title and brand that highlights
 * are computed on.
 */
export interface IndexDocs {
  categories: string[];
  brands: string[];
  ids: string[];
  titles: string[];
  /** Per document: its brand's position in `brands`. */
  brandOf: number[];
}

/**
 * The index file (`search-index.bin`):
 *
 *   0   u32  magic "LSIX"
 *   4   u32  format version
 *   8   u32  total length in bytes
 *   12  u32  FNV-1a of the document table
 *   16  u32  D: length of the document table
 *   20  D    document table, UTF-8 JSON (IndexDocs)
 *   20+D     the engine's image (its own header, checksum and sections: assembly/search/image.ts)
 */
const MAGIC = 0x5849_534c; // "LSIX" read little-endian
export const PACKAGE_VERSION = 1;
const HEAD = 20;

function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

export function packIndex(image: Uint8Array, docs: IndexDocs): Uint8Array {
  const table = new TextEncoder().encode(JSON.stringify(docs));
  const bytes = new Uint8Array(HEAD + table.length + image.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, PACKAGE_VERSION, true);
  view.setUint32(8, bytes.length, true);
  view.setUint32(12, fnv1a(table), true);
  view.setUint32(16, table.length, true);
  bytes.set(table, HEAD);
  bytes.set(image, HEAD + table.length);
  return bytes;
}

/** The engine's image and the (still encoded) document table; throws SearchIndexError when damaged. */
export function unpackIndex(bytes: Uint8Array): { image: Uint8Array; table: Uint8Array } {
  // Shorter than our head and the engine's (128 bytes): nothing to read a reason from.
  if (bytes.length < HEAD + 128) throw loadFailure(1, bytes.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw loadFailure(2, bytes.length);
  if (view.getUint32(4, true) !== PACKAGE_VERSION) throw loadFailure(3, bytes.length);
  // The document table counts as header: a file cut inside it is shorter than its header.
  const tableBytes = view.getUint32(16, true);
  if (HEAD + tableBytes > bytes.length) throw loadFailure(1, bytes.length);
  if (view.getUint32(8, true) !== bytes.length) throw loadFailure(4, bytes.length);
  const table = bytes.subarray(HEAD, HEAD + tableBytes);
  if (fnv1a(table) !== view.getUint32(12, true)) throw loadFailure(5, bytes.length);
  return { image: bytes.subarray(HEAD + tableBytes), table };
}

export function readDocs(table: Uint8Array): IndexDocs {
  try {
    const docs = JSON.parse(new TextDecoder().decode(table)) as IndexDocs;
    if (docs.ids.length !== docs.titles.length || docs.ids.length !== docs.brandOf.length) throw new Error();
    return docs;
  } catch {
    throw new SearchIndexError('The search index cannot be used: its document table is damaged');
  }
}
