import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { getThumbnail, nearestThumbnail, putThumbnail, type ThumbnailId } from '../../storage/thumbnail-store.js';
import { THUMBNAIL_ENGINE_VERSION } from '../../wasm/thumbnail-version.js';
import { ThumbnailJobError, thumbnailPool } from '../../workers/thumbnail-pool.js';
import { shopImageStyles } from './shop-image.styles.js';
import { resampleSource, shippedSrcset, targetHeight, targetWidth } from './thumbnail-size.js';

/** How the current picture is shown. */
const MODES = { waiting: 'waiting', thumbnail: 'thumbnail', native: 'native', failed: 'failed' } as const;
type Mode = (typeof MODES)[keyof typeof MODES];

/**
 * A product image made for the space it gets: its width in device pixels decides the thumbnail,
 * which comes from the thumbnail cache (IndexedDB, so it works offline) or from the WASM worker
 * pool; the space is reserved from the original's aspect ratio and the image fades in.
 *
 * Above the fold (`priority`), the browser loads the nearest shipped thumbnail itself through
 * `srcset`, which is fastest for the largest paint; a cached copy is made afterwards for offline use.
 * An image that cannot be loaded or decoded shows a placeholder and logs an error.
 *
 * @summary Product image: right-sized in WASM, cached offline, no layout shift.
 * @csspart img - The image.
 * @csspart placeholder - Shown instead of an image that cannot be loaded.
 * @cssprop --shop-image-backdrop - Colour of the reserved space while loading.
 */
@customElement('shop-image')
export class ShopImage extends LitElement {
  static override styles = shopImageStyles;

  @state() private mode: Mode = MODES.waiting;
  @state() private shown = '';
  @state() private loaded = false;
  /** Device pixels the picture is made for; 0 before the first layout. */
  @state() private pixelWidth = 0;
  @state() private cssWidth = 0;
  /** Within a screen of the viewport: only then is a picture worth making. */
  @state() private near = false;

  /** URL of the original image. */
  @property() src = '';
  @property() alt = '';
  /** Width and height of the original, for the reserved aspect ratio; 0 when unknown (4:3 is reserved). */
  @property({ type: Number }) width = 0;
  @property({ type: Number }) height = 0;
  /** Above the fold: load at once with high priority. */
  @property({ type: Boolean }) priority = false;

  readonly #resize = new ResizeObserver((entries) => {
    const box = entries.at(-1)?.contentBoxSize[0];
    if (box && box.inlineSize > 0) this.cssWidth = box.inlineSize;
  });
  readonly #nearness = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.near = true;
        this.#nearness.disconnect();
      }
    },
    { rootMargin: '100% 0px' },
  );
  #objectUrl = '';
  /** The browser could not load a shipped size (e.g. a build without them): use the workers. */
  #nativeFailed = false;
  /** Bumps per request, so a late answer for an old size or source is dropped. */
  #request = 0;
  /** Cancels the queued worker job of a request that is no longer wanted. */
  #abort = new AbortController();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
    if (!this.near) this.#nearness.observe(this);
    // Moved in the page (a list re-ordered): the picture was released on disconnect; ask again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#nearness.disconnect();
    this.#request++;
    this.#abort.abort(new DOMException('the image left the page', 'AbortError'));
    this.#setObjectUrl('');
    this.pixelWidth = 0;
    if (this.mode === MODES.thumbnail) this.mode = MODES.waiting;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('width') || changed.has('height')) {
      this.style.aspectRatio = this.#knownSize ? `${this.width} / ${this.height}` : '4 / 3';
    }
    if (changed.has('src')) {
      this.mode = MODES.waiting;
      this.pixelWidth = 0;
      this.#nativeFailed = false;
      this.#setObjectUrl('');
    }
    const ready = this.isConnected && this.cssWidth > 0 && this.src && (this.near || this.priority);
    const wanted = ready ? targetWidth(this.cssWidth, devicePixelRatio, this.#knownSize ? this.width : Infinity) : 0;
    // Only growing asks for a new picture: a sharper one than needed still looks right.
    if (wanted > this.pixelWidth || (changed.has('src') && wanted > 0)) {
      this.pixelWidth = wanted;
      void this.#show(wanted);
    }
  }

  get #knownSize(): boolean {
    return this.width > 0 && this.height > 0;
  }

  /** Cache key; an original of unknown size is resized by width alone (height 0: its own ratio). */
  #id(width: number): ThumbnailId {
    const height = this.#knownSize ? targetHeight(width, this.width, this.height) : 0;
    return {
      src: this.src,
      width,
      height,
      fit: this.#knownSize ? 'cover' : 'contain',
      engine: THUMBNAIL_ENGINE_VERSION,
    };
  }

  async #show(width: number): Promise<void> {
    const request = ++this.#request;
    this.#abort.abort(new DOMException('a newer size was asked for', 'AbortError'));
    this.#abort = new AbortController();
    const id = this.#id(width);
    const current = () => request === this.#request;
    if (this.priority && !this.#nativeFailed && this.mode !== MODES.thumbnail) {
      this.mode = MODES.native;
      return;
    }
    const cached = await getThumbnail(id).catch(() => undefined);
    if (!current()) return;
    if (cached) return this.#showBlob(cached);
    try {
      const source = this.#knownSize ? resampleSource(this.src, this.width, width) : this.src;
      const made = await this.#make(id, source, this.#abort.signal);
      if (current()) this.#showBlob(made);
    } catch (error) {
      if (!current()) return;
      // Offline or no shipped thumbnail: any stored size of this image beats none.
      const nearby = await nearestThumbnail(this.src, width, THUMBNAIL_ENGINE_VERSION).catch(() => undefined);
      if (!current()) return;
      if (nearby) return this.#showBlob(nearby);
      if (error instanceof ThumbnailJobError && error.kind === 'worker') {
        // No workers here (or they cannot start): let the browser load a shipped size itself.
        this.mode = MODES.native;
        return;
      }
      this.#fail(error);
    }
  }

  /** Resamples in the worker pool and keeps the result; falls back to the original if `source` fails. */
  async #make(id: ThumbnailId, source: string, signal?: AbortSignal): Promise<Blob> {
    const pool = thumbnailPool();
    const job = id.height > 0 ? { width: id.width, height: id.height, fit: 'cover' as const } : { width: id.width };
    const result = await pool.thumbnail({ url: source, ...job }, signal).catch((error: unknown) => {
      if (source === id.src || !(error instanceof ThumbnailJobError) || error.kind !== 'decode') throw error;
      return pool.thumbnail({ url: id.src, ...job }, signal);
    });
    putThumbnail(id, result.blob).catch((error: unknown) => console.warn('shop-image: thumbnail not cached', error));
    return result.blob;
  }

  #showBlob(blob: Blob): void {
    // A sharper picture for a grown element replaces the shown one in place; only a first one fades in.
    const replacing = this.mode === MODES.thumbnail && this.loaded;
    this.#setObjectUrl(URL.createObjectURL(blob));
    this.loaded = replacing;
    this.shown = this.#objectUrl;
    this.mode = MODES.thumbnail;
  }

  #setObjectUrl(url: string): void {
    if (this.#objectUrl) URL.revokeObjectURL(this.#objectUrl);
    this.#objectUrl = url;
    if (!url) this.loaded = false;
  }

  #fail(error: unknown): void {
    console.error(`shop-image: cannot show ${this.src}`, error);
    this.mode = MODES.failed;
  }

  /** After the browser loaded a shipped size itself, keep a copy for offline use. */
  #keepCopy(img: HTMLImageElement): void {
    const id = this.#id(this.pixelWidth);
    const source = img.currentSrc || this.src;
    void getThumbnail(id)
      .then((cached) => cached ?? this.#make(id, source))
      .catch((error: unknown) => console.warn('shop-image: no offline copy of', this.src, error));
  }

  #onLoad(event: Event): void {
    this.loaded = true;
    if (this.mode === MODES.native && this.pixelWidth > 0) {
      const img = event.target as HTMLImageElement;
      // Not while the page is still loading its first screen: the copy can wait.
      const later = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
      later(() => this.#keepCopy(img));
    }
  }

  #onError(): void {
    if (this.mode === MODES.native && !this.#nativeFailed) {
      this.#nativeFailed = true;
      this.mode = MODES.waiting;
      void this.#show(this.pixelWidth);
      return;
    }
    this.#fail(
      new Error(this.mode === MODES.native ? 'the browser could not load it' : 'the thumbnail did not decode'),
    );
  }

  override render() {
    if (this.mode === MODES.failed) {
      return html`<div class="placeholder" part="placeholder" role="img" aria-label=${this.alt || nothing}>
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5">
          <rect x="3" y="4" width="18" height="16" rx="2" />
          <circle cx="9" cy="10" r="2" />
          <path d="m21 17-5-5-9 8" />
        </svg>
      </div>`;
    }
    if (this.mode === MODES.waiting) return nothing;
    const native = this.mode === MODES.native;
    return html`<img
      part="img"
      class=${classMap({ loaded: this.loaded })}
      src=${native ? this.src : this.shown}
      srcset=${native && this.#knownSize ? shippedSrcset(this.src, this.width) : nothing}
      sizes=${native ? `${Math.ceil(this.cssWidth)}px` : nothing}
      alt=${this.alt}
      width=${this.width || nothing}
      height=${this.height || nothing}
      fetchpriority=${this.priority ? 'high' : 'auto'}
      decoding="async"
      @load=${this.#onLoad}
      @error=${this.#onError}
    />`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-image': ShopImage;
  }
}
