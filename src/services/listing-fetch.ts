/** Small helpers of the listing store: fetching a shipped file, checking it, waiting for idle time. */

export async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** First 16 hex digits of the text's SHA-256, or undefined where the page has no WebCrypto (plain http). */
export async function sha256Of(text: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const idle = (): Promise<void> =>
  new Promise((resolve) => {
    const whenIdle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 50));
    whenIdle(() => resolve(), { timeout: 2000 });
  });

/** The first item matching `match` in any of the lists (decoded shards, details buckets). */
export function firstIn<T>(lists: Iterable<[unknown, T[]]>, match: (item: T) => boolean): T | undefined {
  for (const [, items] of lists) {
    const item = items.find(match);
    if (item) return item;
  }
  return undefined;
}
