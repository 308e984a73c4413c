import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { MODES, ThumbnailController } from '../../controllers/thumbnail-controller.js';
import type { PictureRequest } from '../../services/thumbnail-source.js';
import { holdFirstView } from '../../services/first-view.js';
import { shippedSrcset, targetWidth } from '../../services/thumbnail-size.js';
import { shopImageStyles } from './shop-image.styles.js';

/**
 * A product image made for the space it gets: its width in device pixels decides the thumbnail,
 * which comes from the thumbnail cache (IndexedDB, so it works offline) or from the WASM worker
 * pool; the space is reserved from the original's aspect ratio and the image fades in.
 *
 * A `priority` image that is in the viewport when the page is first laid out is the page's likely
 * largest paint: it loads eagerly with `fetchpriority="high"`, and the browser picks the nearest
 * shipped thumbnail itself through `srcset`; a cached copy is made afterwards for offline use. Every
 * other image is `loading="lazy"` at normal priority, so it never competes with that one.
 * An image that cannot be loaded or decoded shows a placeholder and logs an error. Where the
 * picture comes from is decided by ThumbnailSource (src/services/thumbnail-source.ts).
 *
 * @summary Product image: right-sized in WASM, cached offline, no layout shift.
 * @csspart img - The image.
 * @csspart placeholder - Shown instead of an image that cannot be loaded.
 * @cssprop --shop-image-backdrop - Colour of the reserved space while loading.
 */
@customElement('shop-image')
export class ShopImage extends LitElement {
  static override styles = shopImageStyles;

  private readonly picture = new ThumbnailController(this);

  /** Device pixels the picture is made for; 0 before the first layout. */
  @state() private pixelWidth = 0;
  @state() private cssWidth = 0;
  /** Within a screen of the viewport: only then is a picture worth making. */
  @state() private near = false;
  /** `priority` and inside the viewport when first laid out; decided once, by the first intersection report. */
  #first: boolean | undefined;
  /** Tells the first view that this picture of it loaded or failed (set while it is on its way). */
  #firstSettled: (() => void) | undefined;

  /** URL of the original image. */
  @property() src = '';
  @property() alt = '';
  /** Width and height of the original, for the reserved aspect ratio; 0 when unknown (4:3 is reserved). */
  @property({ type: Number }) width = 0;
  @property({ type: Number }) height = 0;
  /** May be above the fold: if it is in the viewport when first laid out, it loads at once with high priority. */
  @property({ type: Boolean }) priority = false;

  readonly #resize = new ResizeObserver((entries) => {
    const box = entries.at(-1)?.contentBoxSize[0];
    if (box && box.inlineSize > 0) this.cssWidth = box.inlineSize;
  });
  readonly #nearness = new IntersectionObserver(
    (entries) => {
      // The first report says where the picture sits once the page is laid out, without forcing a
      // layout of our own (several cards doing that while a grid fills would be a long task).
      const box = entries.at(-1)?.boundingClientRect;
      if (this.#first === undefined && box) {
        this.#first =
          this.priority && box.top < innerHeight && box.bottom > 0 && box.left < innerWidth && box.right > 0;
        if (this.#first && this.cssWidth === 0 && box.width > 0) this.cssWidth = box.width;
        if (!this.#first) this.#settleFirst();
      }
      if (entries.some((e) => e.isIntersecting)) {
        this.near = true;
        this.#nearness.disconnect();
      }
    },
    { rootMargin: '100% 0px' },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
    if (!this.near) this.#nearness.observe(this);
    // A priority picture may be the first view's largest paint: the first view waits for it until
    // it loaded, failed, or turned out to be outside the viewport.
    if (this.priority && this.#first === undefined && !this.#firstSettled) {
      holdFirstView(new Promise<void>((resolve) => (this.#firstSettled = resolve)));
    }
    // Moved in the page (a list re-ordered): the picture was released on disconnect; ask again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#nearness.disconnect();
    this.pixelWidth = 0;
    this.#settleFirst();
  }

  #settleFirst(): void {
    this.#firstSettled?.();
    this.#firstSettled = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('width') || changed.has('height')) {
      this.style.aspectRatio = this.#knownSize ? `${this.width} / ${this.height}` : '4 / 3';
    }
    if (changed.has('src')) {
      this.pixelWidth = 0;
      this.picture.reset();
    }
    const ready = this.isConnected && this.cssWidth > 0 && this.src && this.near;
    const wanted = ready ? targetWidth(this.cssWidth, devicePixelRatio, this.#knownSize ? this.width : Infinity) : 0;
    // Only growing asks for a new picture: a sharper one than needed still looks right.
    if (wanted > this.pixelWidth || (changed.has('src') && wanted > 0)) {
      this.pixelWidth = wanted;
      void this.picture.show(this.#request);
    }
  }

  get #knownSize(): boolean {
    return this.width > 0 && this.height > 0;
  }

  get #request(): PictureRequest {
    return {
      src: this.src,
      width: this.pixelWidth,
      originalWidth: this.#knownSize ? this.width : 0,
      originalHeight: this.#knownSize ? this.height : 0,
      native: this.#first === true,
    };
  }

  #onLoad(event: Event): void {
    this.picture.onLoad(this.#request, (event.target as HTMLImageElement).currentSrc);
    this.#settleFirst();
  }

  #onError(): void {
    this.picture.onError(this.#request);
  }

  protected override updated(): void {
    if (this.picture.mode === MODES.failed) this.#settleFirst();
  }

  override render() {
    if (this.picture.mode === MODES.failed) {
      return html`<div class="placeholder" part="placeholder" role="img" aria-label=${this.alt || nothing}>
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5">
          <rect x="3" y="4" width="18" height="16" rx="2" />
          <circle cx="9" cy="10" r="2" />
          <path d="m21 17-5-5-9 8" />
        </svg>
      </div>`;
    }
    if (this.picture.mode === MODES.waiting) return nothing;
    const native = this.picture.mode === MODES.native;
    // The first view's picture is its largest paint: shown as it arrives, not faded in after it.
    return html`<img
      part="img"
      class=${classMap({ loaded: this.picture.loaded || (native && this.#first === true) })}
      src=${native ? this.src : this.picture.shown}
      srcset=${native && this.#knownSize ? shippedSrcset(this.src, this.width) : nothing}
      sizes=${native ? `${Math.ceil(this.cssWidth)}px` : nothing}
      alt=${this.alt}
      width=${this.width || nothing}
      height=${this.height || nothing}
      loading=${this.#first ? 'eager' : 'lazy'}
      fetchpriority=${this.#first ? 'high' : 'auto'}
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
