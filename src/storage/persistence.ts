let asked: Promise<boolean> | undefined;

/**
 * Asks the browser to keep this origin's data under storage pressure (persistent storage). Asked
 * once per page, when the first item goes into the cart: that is when losing data starts to hurt,
 * and asking earlier would be a prompt without a reason in browsers that show one.
 */
export function requestPersistentStorage(): Promise<boolean> {
  asked ??= (async () => {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persist) return false;
    try {
      return (await storage.persisted()) || (await storage.persist());
    } catch {
      return false;
    }
  })();
  return asked;
}
