import type { MiddlewareHandler } from 'hono';

/** Two years, subdomains included: the shop is never to be reached over plain HTTP again. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Whether the shopper's request came over HTTPS: to this server directly, or to the TLS-terminating
 * proxy in front of it (its X-Forwarded-Proto). Browsers ignore HSTS received over plain HTTP, so a
 * forged header gains nothing.
 */
function overHttps(url: string, forwardedProto: string | undefined): boolean {
  return new URL(url).protocol === 'https:' || forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** Sent with every response. Inline scripts are never allowed; WASM compiles under 'wasm-unsafe-eval'. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  if (overHttps(c.req.url, c.req.header('x-forwarded-proto'))) h.set('strict-transport-security', HSTS);
  h.set('x-content-type-options', 'nosniff');
  h.set('referrer-policy', 'strict-origin-when-cross-origin');
  h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  h.set('cross-origin-opener-policy', 'same-origin');
  h.set(
    'content-security-policy',
    [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "worker-src 'self' blob:",
      "manifest-src 'self'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      // Script sinks take only values from policies: Lit's for its templates; the default policy
      // (src/page-security.ts) passes our own worker and service worker URLs and nothing else.
      "require-trusted-types-for 'script'",
      'trusted-types lit-html default',
    ].join('; '),
  );
};
