import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ThumbnailSource, type PictureRequest } from '../services/thumbnail-source.js';

/** How the current picture is shown. */
export const MODES = { waiting: 'waiting', thumbnail: 'thumbnail', native: 'native', failed: 'failed' } as const;
export type Mode = (typeof MODES)[keyof typeof MODES];

let pageSource: ThumbnailSource | undefined;

/**
 * The picture of one `<shop-image>`: asks the thumbnail source for it, keeps its object URL, drops
 * answers to requests that were overtaken, and releases everything when the host leaves the page.
 */
export class ThumbnailController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: ThumbnailSource;
  mode: Mode = MODES.waiting;
  /** The object URL shown in `thumbnail` mode. */
  shown = '';
  /** The shown picture finished loading (it fades in once). */
  loaded = false;
  #objectUrl = '';
  /** The browser could not load a shipped size (e.g. a build without them): use the workers. */
  #nativeFailed = false;
  /** Cancels the request that is no longer wanted (a newer size, or the host left the page). */
  #abort = new AbortController();

  constructor(host: ReactiveControllerHost, source?: ThumbnailSource) {
    this.#host = host;
    this.#source = source ?? (pageSource ??= new ThumbnailSource());
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort.abort(new DOMException('the image left the page', 'AbortError'));
    this.#setObjectUrl('');
    if (this.mode === MODES.thumbnail) this.#set(MODES.waiting);
  }

  /** A new original: forget the current picture. */
  reset(): void {
    this.#set(MODES.waiting);
    this.#nativeFailed = false;
    this.#setObjectUrl('');
  }

  /** Shows the picture for `request`; `native` is taken only until the browser failed at it once. */
  async show(request: PictureRequest): Promise<void> {
    this.#abort.abort(new DOMException('a newer size was asked for', 'AbortError'));
    this.#abort = new AbortController();
    const native = Boolean(request.native) && !this.#nativeFailed && this.mode !== MODES.thumbnail;
    const picture = await this.#source.picture({ ...request, native }, this.#abort.signal);
    if (!picture) return;
    if (picture.kind === 'blob') this.#showBlob(picture.blob);
    else if (picture.kind === 'native') this.#set(MODES.native);
    else this.#fail(request.src, picture.error);
  }

  /** The `<img>` loaded; after a native load a copy is kept for offline use (once the page is idle). */
  onLoad(request: PictureRequest, loadedUrl: string): void {
    this.loaded = true;
    this.#host.requestUpdate();
    if (this.mode !== MODES.native || request.width <= 0) return;
    const later = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    later(() => {
      this.#source
        .keepCopy(request, loadedUrl)
        .catch((error: unknown) => console.warn('shop-image: no offline copy of', request.src, error));
    });
  }

  /** The `<img>` failed: a failed native load falls back to the workers once, else the placeholder. */
  onError(request: PictureRequest): void {
    if (this.mode === MODES.native && !this.#nativeFailed) {
      this.#nativeFailed = true;
      this.#set(MODES.waiting);
      void this.show(request);
      return;
    }
    this.#fail(
      request.src,
      new Error(this.mode === MODES.native ? 'the browser could not load it' : 'the thumbnail did not decode'),
    );
  }

  #showBlob(blob: Blob): void {
    // A sharper picture for a grown element replaces the shown one in place; only a first one fades in.
    const replacing = this.mode === MODES.thumbnail && this.loaded;
    this.#setObjectUrl(URL.createObjectURL(blob));
    this.loaded = replacing;
    this.shown = this.#objectUrl;
    this.#set(MODES.thumbnail);
  }

  #setObjectUrl(url: string): void {
    if (this.#objectUrl) URL.revokeObjectURL(this.#objectUrl);
    this.#objectUrl = url;
    if (!url) this.loaded = false;
  }

  #fail(src: string, error: unknown): void {
    console.error(`shop-image: cannot show ${src}`, error);
    this.#set(MODES.failed);
  }

  #set(mode: Mode): void {
    this.mode = mode;
    this.#host.requestUpdate();
  }
}
