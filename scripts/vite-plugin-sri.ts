import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** `sha384-…` of a file's bytes, as the `integrity` attribute names it. */
export function integrityOf(content: string | Uint8Array): string {
  return `sha384-${createHash('sha384').update(content).digest('base64')}`;
}

const TAG = /<(script|link)\b([^>]*?)\s(src|href)="(\/[^"]+)"([^>]*)>/g;

/** index.html with an `integrity` on each script and style sheet it loads, read from `outDir`. */
export function withIntegrity(html: string, outDir: string): string {
  return html.replace(TAG, (tag, name: string, before: string, attr: string, url: string, after: string) => {
    const loads = name === 'script' || /\brel="(stylesheet|modulepreload)"/.test(before + after);
    if (!loads || !url.startsWith('/assets/') || /\bintegrity=/.test(tag)) return tag;
    const integrity = integrityOf(readFileSync(join(outDir, url)));
    return tag.replace(`${attr}="${url}"`, `${attr}="${url}" integrity="${integrity}"`);
  });
}

/**
 * Subresource Integrity for the scripts and style sheets index.html loads: each `<script src>` and
 * `<link rel="stylesheet"|"modulepreload" href>` into /assets/ gets the SHA-384 of the file as
 * written (source map comment included). A file changed after the build, on a server, a CDN or in
 * transit, no longer matches and the browser refuses it. Runs in `writeBundle`, once the files are
 * on disk and before the service worker's precache manifest is computed from them (`closeBundle`).
 */
export function subresourceIntegrity(): Plugin {
  let outDir = 'dist';
  return {
    name: 'laden-subresource-integrity',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const path = join(dir, file.fileName);
        writeFileSync(path, withIntegrity(readFileSync(path, 'utf8'), dir));
      }
    },
  };
}
