import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A product image that keeps its place while it loads (the aspect ratio is reserved from the
 * original's size), so nothing on the page jumps.
 *
 * @summary Product image with reserved aspect ratio.
 * @csspart img - The image.
 */
@customElement('shop-image')
export class ShopImage extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      overflow: hidden;
      background: #eeeae3;
    }
    img {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
  `;

  /** URL of the original image. */
  @property() src = '';
  @property() alt = '';
  /** Width and height of the original, for the reserved aspect ratio. */
  @property({ type: Number }) width = 4;
  @property({ type: Number }) height = 3;
  /** Above the fold: load eagerly with high priority. */
  @property({ type: Boolean }) priority = false;

  override render() {
    this.style.aspectRatio = `${this.width} / ${this.height}`;
    return html`<img
      part="img"
      src=${this.src}
      alt=${this.alt}
      width=${this.width}
      height=${this.height}
      loading=${this.priority ? 'eager' : 'lazy'}
      fetchpriority=${this.priority ? 'high' : 'auto'}
      decoding="async"
    />`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-image': ShopImage;
  }
}
