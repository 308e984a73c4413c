import type { Catalog } from '../domain/catalog.js';
import { checkU32 } from './checks.js';
import type { WasmInstance } from './loader.js';
import { documentFields, type FacetKeys, type SearchField } from './search-documents.js';
import { SearchIndexError, loadFailure } from './search-image.js';
import { ANY, type SearchExports } from './search-layout.js';

/** Units of the input region taken by the six field lengths (u32 each) before the field text. */
const LENGTH_UNITS = 12;

/** Indexes `catalog` in the module; returns the index image (a copy the caller owns). */
export function buildIndex(
  wasm: WasmInstance<SearchExports>,
  catalog: Catalog,
  keys: FacetKeys,
  fingerprint: number,
  fields: readonly SearchField[],
): Uint8Array {
  const names = new Map(catalog.categories.map((c) => [c.id, c.name]));
  const units = wasm.exports.inputUnits();
  wasm.call('beginBuild', (e) =>
    e.beginBuild(catalog.products.length, keys.categories.length, keys.brands.length, fingerprint),
  );
  const input = wasm.exports.inputPointer();
  for (const product of catalog.products) {
    const texts = documentFields(product, names.get(product.category) ?? '', fields);
    // Fields beyond the input region's size are cut; no product text comes near it.
    let room = units - LENGTH_UNITS;
    const lengths = new Uint32Array(wasm.exports.memory.buffer, input, 6);
    const text = new Uint16Array(wasm.exports.memory.buffer, input + LENGTH_UNITS * 2, room);
    let at = 0;
    texts.forEach((field, f) => {
      const length = Math.min(field.length, room);
      for (let i = 0; i < length; i++) text[at + i] = field.charCodeAt(i);
      lengths[f] = length;
      at += length;
      room -= length;
    });
    const price = checkU32(`price of ${product.id}`, product.price);
    const rating = Math.round(Math.min(5, Math.max(0, product.rating)) * 10);
    const added = wasm.call('addDocument', (e) =>
      e.addDocument(
        keys.categoryNumber(product.category) ?? ANY,
        keys.brandNumber(product.brand) ?? ANY,
        price,
        Number.isFinite(rating) ? rating : 0,
        product.stock > 0 ? 1 : 0,
      ),
    );
    if (!added) throw new Error('search: more products than announced');
  }
  const bytes = wasm.call('finishBuild', (e) => e.finishBuild());
  return wasm.u8(wasm.exports.imagePointer(), bytes).slice();
}

/**
 * Copies a saved index image into the module; throws SearchIndexError when it is damaged or (with a
 * fingerprint to check) does not fit the catalog.
 */
export function loadIndex(wasm: WasmInstance<SearchExports>, image: Uint8Array, fingerprint: number | undefined): void {
  const pointer = wasm.call('prepareLoad', (e) => e.prepareLoad(image.byteLength));
  if (pointer === 0)
    throw new SearchIndexError(`The search index (${image.byteLength} bytes) does not fit into memory`);
  wasm.u8(pointer, image.byteLength).set(image);
  const code = wasm.call('commitLoad', (e) => e.commitLoad(image.byteLength));
  if (code !== 0) throw loadFailure(code, image.byteLength);
  const saved = wasm.exports.fingerprint() >>> 0;
  if (fingerprint !== undefined && saved !== fingerprint) {
    throw new SearchIndexError('The search index was built from a different catalog');
  }
}
