/** A storage failure with a message fit for the shopper; `cause` keeps the browser's error. */
export class StorageError extends Error {
  override readonly name: string = 'StorageError';
}

/** The device has no room left: the write was rolled back, so the previous data is intact. */
export class StorageFullError extends StorageError {
  override readonly name = 'StorageFullError';
}

export const isQuotaExceeded = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
