/**
 * An `Intl` formatter made on first use. Constructing one loads the locale's data, tens of
 * milliseconds on a phone the first time: a module's evaluation must not pay that for a formatter
 * its page may never use, and the app chooses when the first one is made (src/main.ts).
 */
export function lazyFormat<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
