import { z } from 'zod';

/**
 * zod as the shop's schemas use it. Every schema module imports `z` from here, so this runs before
 * any schema is built.
 */

// No eval in a page: Laden's Content-Security-Policy (src/server/security.ts) forbids it, zod probes for
// it with `new Function` whenever an object schema is built, and the browser reports the attempt as a
// violation even though zod catches the error. Its interpreter is used instead. Node has no such policy.
if ('document' in globalThis) z.config({ jitless: true });

export { z };
