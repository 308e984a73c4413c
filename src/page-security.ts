/**
 * What the page needs to run under Laden's Content-Security-Policy (src/server/security.ts). Imported
 * first by the app shell, so it runs before any script URL is used. (zod, which must not use eval
 * here, is set up where it is loaded: src/domain/zod.ts.)
 */

interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string }): unknown;
}

/** Script URLs a string may name: our own service worker and the Vite-built workers, same origin. */
export function isOwnScriptUrl(input: string, base: string): boolean {
  const url = new URL(input, base);
  return (
    url.origin === new URL(base).origin && (url.pathname === '/sw.js' || /^\/assets\/[\w.-]+\.js$/.test(url.pathname))
  );
}

// Trusted Types: only Lit's policy may make HTML. The service worker registration (workbox-window)
// and the Web Workers pass plain strings; the default policy lets exactly our own script files through
// and nothing else (no HTML, no script text: those sinks stay blocked).
const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
factory?.createPolicy('default', {
  createScriptURL(input) {
    if (isOwnScriptUrl(input, location.href)) return input;
    throw new TypeError(`Laden: refused to load script ${input}`);
  },
});
