import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/components/shop-image/shop-image.js';
import type { ShopImage } from '../../../src/components/shop-image/shop-image.js';
import { closeThumbnailStore, getThumbnail, THUMBNAIL_DB_NAME } from '../../../src/storage/thumbnail-store.js';
import { THUMBNAIL_ENGINE_VERSION } from '../../../src/wasm/thumbnail-version.js';
import { ThumbnailPool, thumbnailPool, useThumbnailPool } from '../../../src/workers/thumbnail-pool.js';
import { gradientPng } from './fixtures.js';

const urls: string[] = [];
const urlOf = (blob: Blob) => {
  const url = URL.createObjectURL(blob);
  urls.push(url);
  return url;
};

async function place(
  src: string,
  options: { cssWidth?: number; width?: number; height?: number; priority?: boolean } = {},
) {
  const { cssWidth = 200, width = 400, height = 300, priority = false } = options;
  const element = document.createElement('shop-image');
  Object.assign(element, { src, alt: 'Testbild', width, height, priority });
  element.style.width = `${cssWidth}px`;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** What a 200 CSS px wide picture of a 400 x 300 original is made at on this screen. */
const cardId = (src: string) => {
  const width = Math.min(400, Math.ceil(Math.ceil(200 * devicePixelRatio) / 40) * 40);
  return { src, width, height: (width * 3) / 4, fit: 'cover', engine: THUMBNAIL_ENGINE_VERSION };
};
const imgOf = (element: ShopImage) => element.shadowRoot!.querySelector('img');
const loadedImg = async (element: ShopImage) => {
  await expect.poll(() => imgOf(element)?.classList.contains('loaded'), { timeout: 10_000 }).toBe(true);
  return imgOf(element)!;
};

beforeEach(async () => {
  await closeThumbnailStore();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(THUMBNAIL_DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});
afterEach(() => {
  document.body.replaceChildren();
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
  vi.restoreAllMocks();
});

describe('<shop-image>', () => {
  it('reserves the aspect ratio before the image arrives, so the fade-in moves nothing', async () => {
    const element = await place(urlOf(await gradientPng(400, 300)));
    const before = element.getBoundingClientRect();
    expect([before.width, before.height]).toEqual([200, 150]);
    const img = await loadedImg(element);
    expect(element.getBoundingClientRect().toJSON()).toEqual(before.toJSON());
    await expect.poll(() => getComputedStyle(img).opacity).toBe('1');
  });

  it('makes the thumbnail for the rendered width times the device pixel ratio', async () => {
    const element = await place(urlOf(await gradientPng(800, 600)), { cssWidth: 150, width: 800, height: 600 });
    const img = await loadedImg(element);
    const expected = Math.ceil(Math.ceil(150 * devicePixelRatio) / 40) * 40;
    expect(img.naturalWidth).toBe(expected);
    expect(img.naturalHeight).toBe(Math.round((expected * 600) / 800));
    expect(img.alt).toBe('Testbild');
  });

  it('keeps the thumbnail in IndexedDB and shows it again when the source is gone', async () => {
    const src = urlOf(await gradientPng(400, 300));
    await loadedImg(await place(src));
    const id = cardId(src);
    await expect.poll(async () => (await getThumbnail(id))?.type, { timeout: 5_000 }).toBe('image/webp');
    URL.revokeObjectURL(src); // like being offline: the original cannot be fetched any more
    document.body.replaceChildren();
    const again = await loadedImg(await place(src));
    expect(again.naturalWidth).toBe(id.width);
  });

  it('makes a right-sized thumbnail even when the original size is not given', async () => {
    const element = document.createElement('shop-image');
    Object.assign(element, { src: urlOf(await gradientPng(600, 200)), alt: 'Ohne Maße' });
    element.style.width = '120px';
    document.body.append(element);
    await element.updateComplete;
    expect(element.getBoundingClientRect().height).toBe(90); // 4:3 reserved
    const img = await loadedImg(element);
    const expected = Math.min(600, Math.ceil(Math.ceil(120 * devicePixelRatio) / 40) * 40);
    expect([img.naturalWidth, img.naturalHeight]).toEqual([expected, expected / 3]);
  });

  it('offline, shows a stored thumbnail of another size rather than nothing (cart line after product card)', async () => {
    const src = urlOf(await gradientPng(400, 300));
    await loadedImg(await place(src, { cssWidth: 200 }));
    const id = cardId(src);
    await expect.poll(async () => (await getThumbnail(id)) !== undefined, { timeout: 5_000 }).toBe(true);
    URL.revokeObjectURL(src);
    document.body.replaceChildren();
    const small = await place(src, { cssWidth: 80 });
    const img = await loadedImg(small);
    expect(img.naturalWidth).toBe(id.width); // the stored card size, scaled down by CSS
    expect(small.shadowRoot!.querySelector('[part="placeholder"]')).toBeNull();
  });

  it('makes a sharper picture when it grows, without hiding the current one meanwhile', async () => {
    const element = await place(urlOf(await gradientPng(800, 600)), { cssWidth: 100, width: 800, height: 600 });
    const img = await loadedImg(element);
    const small = img.naturalWidth;
    let hidden = false;
    const watch = new MutationObserver(() => (hidden ||= !img.classList.contains('loaded')));
    watch.observe(img, { attributes: true });
    element.style.width = '300px';
    await expect.poll(() => img.naturalWidth, { timeout: 10_000 }).toBeGreaterThan(small);
    watch.disconnect();
    expect(imgOf(element)).toBe(img);
    expect(hidden).toBe(false);
    expect(element.getBoundingClientRect().height).toBe(225);
  });

  it('shows its picture again after being moved within the page', async () => {
    const element = await place(urlOf(await gradientPng(400, 300)));
    await loadedImg(element);
    const list = document.createElement('section');
    document.body.append(list);
    list.append(element); // disconnects and reconnects, as a re-ordered list does
    const img = await loadedImg(element);
    expect(img.src).toMatch(/^blob:/);
    await expect.poll(() => getComputedStyle(img).opacity).toBe('1');
  });

  it('shows a placeholder and logs an error for an image that cannot be decoded', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const element = await place(urlOf(new Blob(['not an image'], { type: 'image/jpeg' })));
    await expect
      .poll(() => element.shadowRoot!.querySelector('[part="placeholder"]'), { timeout: 10_000 })
      .not.toBeNull();
    expect(element.shadowRoot!.querySelector('[part="placeholder"]')!.getAttribute('aria-label')).toBe('Testbild');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('shop-image: cannot show'), expect.anything());
    expect(element.getBoundingClientRect().height).toBe(150);
  });

  it('lets the browser load an above-the-fold image itself, then keeps an offline copy', async () => {
    const src = urlOf(await gradientPng(400, 300));
    const element = await place(src, { priority: true });
    const img = await loadedImg(element);
    expect(img.getAttribute('srcset')).toBe(`${src} 400w`);
    expect(img.getAttribute('fetchpriority')).toBe('high');
    const id = cardId(src);
    await expect.poll(async () => (await getThumbnail(id)) !== undefined, { timeout: 10_000 }).toBe(true);
  });

  it('loads a priority image in the first viewport itself, eagerly, at high priority, sized to its box', async () => {
    const src = urlOf(await gradientPng(400, 300));
    const img = await loadedImg(await place(src, { priority: true }));
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
    expect(img.getAttribute('sizes')).toBe('200px');
    expect(img.getAttribute('srcset')).toBe(`${src} 400w`);
  });

  it('loads a priority image that is below the fold lazily, at normal priority, like any other', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    const element = await place(urlOf(await gradientPng(400, 300)), { priority: true });
    // The page is laid out (and the picture's place reported) before the shopper scrolls.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    element.scrollIntoView();
    const img = await loadedImg(element);
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('fetchpriority')).toBe('auto');
    expect(img.src).toMatch(/^blob:/);
  });

  it('loads images without priority lazily', async () => {
    const img = await loadedImg(await place(urlOf(await gradientPng(400, 300))));
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('fetchpriority')).toBe('auto');
  });

  it('lets the browser load the image itself when no thumbnail worker can start', async () => {
    const working = thumbnailPool();
    const broken = new ThumbnailPool(1, () => new Worker('data:text/javascript,throw new Error("no worker here")'));
    useThumbnailPool(broken);
    try {
      const src = urlOf(await gradientPng(400, 300));
      const img = await loadedImg(await place(src));
      expect(img.getAttribute('srcset')).toBe(`${src} 400w`);
    } finally {
      useThumbnailPool(working);
    }
  });

  it('waits with images far below the fold until they come near', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    const element = await place(urlOf(await gradientPng(400, 300)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(imgOf(element)).toBeNull();
    element.scrollIntoView();
    await loadedImg(element);
  });
});
