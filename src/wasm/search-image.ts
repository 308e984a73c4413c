/** A saved index that cannot be used; the caller rebuilds from the catalog. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

const REASONS: Record<number, string> = {
  1: 'it is shorter than its header (truncated?)',
  2: 'it is not a Laden search index (wrong magic number)',
  3: 'it was written by another version of the search engine',
  4: 'its length does not match its header (truncated or padded)',
  5: 'its checksum does not match (corrupted)',
  6: 'its section table points outside the file',
};

export function loadFailure(code: number, bytes: number): SearchIndexError {
  const reason = REASONS[code] ?? `the engine refused it (code ${code})`;
  return new SearchIndexError(`The search index (${bytes} bytes) cannot be used: ${reason}`);
}
