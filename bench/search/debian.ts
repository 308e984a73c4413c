import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, Category, Product } from '../../src/domain/catalog.js';

/**
 * A second, human-written corpus for the search benchmark: Debian's package descriptions as apt
 * keeps them on this machine (/var/lib/apt/lists). Built in memory at bench time; nothing is saved.
 *
 *   title        package name and the first line of its description
 *   description  the long description (from Translation-en, matched by Description-md5)
 *   category     Section ("contrib/games" -> "games")
 *   brand        Maintainer's name (a team for team-maintained packages), else the source package
 *   tags         debtags ("game::strategy")
 *
 * Price, stock and rating are derived from the package's size and name, so filters and sorts have
 * something to work on. The lists are missing until `apt-get update -o Acquire::Languages=en` ran.
 */
export const APT_LISTS = '/var/lib/apt/lists';

function readList(file: string): string {
  const path = join(APT_LISTS, file);
  if (file.endsWith('.lz4')) return execFileSync('lz4cat', [path], { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (file.endsWith('.gz') || file.endsWith('.xz')) {
    return execFileSync(file.endsWith('.gz') ? 'zcat' : 'xzcat', [path], { maxBuffer: 1 << 30, encoding: 'utf8' });
  }
  return readFileSync(path, 'utf8');
}

type Stanza = Map<string, string>;

/** Debian control stanzas: "Field: value" with indented continuation lines. */
function* stanzas(text: string): Generator<Stanza> {
  for (const block of text.split(/\n\n+/)) {
    const fields: Stanza = new Map();
    let last = '';
    for (const line of block.split('\n')) {
      if (line.startsWith(' ') && last) fields.set(last, `${fields.get(last)}\n${line}`);
      else {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        last = line.slice(0, colon);
        fields.set(last, line.slice(colon + 1).trim());
      }
    }
    if (fields.size > 0) yield fields;
  }
}

/** The long description: continuation lines unindented, " ." paragraph marks dropped. */
function longText(value: string): string {
  return value
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '.')
    .join(' ');
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function lists(kind: RegExp): string[] {
  return existsSync(APT_LISTS)
    ? readdirSync(APT_LISTS)
        .filter((f) => kind.test(f))
        .sort()
    : [];
}

/** The Debian catalog, or undefined when apt's package lists are not on this machine. */
export function debianCatalog(): Catalog | undefined {
  const packages = lists(/_Packages(\.lz4|\.gz|\.xz)?$/);
  if (packages.length === 0) return undefined;
  const long = new Map<string, string>();
  for (const file of lists(/_i18n_Translation-en(\.lz4|\.gz|\.xz)?$/)) {
    for (const s of stanzas(readList(file))) {
      const md5 = s.get('Description-md5');
      const text = s.get('Description-en');
      if (md5 && text) long.set(md5, longText(text));
    }
  }
  const seen = new Set<string>();
  const sections = new Map<string, Category>();
  const products: Product[] = [];
  for (const file of packages) {
    for (const s of stanzas(readList(file))) {
      const name = s.get('Package');
      const description = s.get('Description');
      if (!name || !description || seen.has(name)) continue;
      seen.add(name);
      const [short = '', ...rest] = description.split('\n');
      const section = (s.get('Section') ?? 'misc').replace(/^.*\//, '');
      if (!sections.has(section)) {
        sections.set(section, { id: `s-${section}`, slug: section, name: section, description: '' });
      }
      const maintainer = (s.get('Maintainer') ?? '').replace(/<.*$/, '').trim();
      const brand = maintainer || (s.get('Source') ?? name).replace(/ .*$/, '');
      const size = Number(s.get('Installed-Size') ?? '0');
      const h = hash(name);
      products.push({
        id: `deb-${products.length}`,
        slug: name,
        title: `${name} ${short.trim()}`,
        brand,
        category: `s-${section}`,
        description: rest.length > 0 ? longText(description) : (long.get(s.get('Description-md5') ?? '') ?? ''),
        tags: (s.get('Tag') ?? '')
          .split(/,\s*/)
          .map((t) => t.trim())
          .filter((t) => t.length > 0),
        attributes: {},
        price: 99 + (size % 20_000) * 7,
        vatClass: 'standard',
        stock: h % 7 === 0 ? 0 : 1 + (h % 50),
        rating: 1 + ((h >>> 8) % 41) / 10,
        ratingCount: (h >>> 16) % 500,
        images: [],
      });
    }
  }
  return {
    version: 1,
    currency: 'EUR',
    locale: 'de-DE',
    source: `Debian package descriptions from ${APT_LISTS}`,
    categories: [...sections.values()],
    products,
  };
}
