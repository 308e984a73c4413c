import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { catalogContext } from '../../context/catalog.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { VAT_RATES, type Product, type Variant } from '../../domain/catalog.js';
import { formatEuro } from '../../domain/money.js';
import { AddToCartEvent } from '../../events/add-to-cart.js';
import { StockController } from '../../controllers/stock-controller.js';
import { sharedStyles } from '../../styles/shared.js';
import { productPageStyles } from './shop-product-page.styles.js';
import '../shop-image/shop-image.js';
import '../shop-rating/shop-rating.js';
import '../shop-stock-state/shop-stock-state.js';
import '../shop-quantity-input/shop-quantity-input.js';
import '../shop-not-found/shop-not-found.js';
import '../shop-promo-badge/shop-promo-badge.js';
import { recordView } from '../../storage/recent-store.js';
import { pinOfflineImages } from '../../services/offline-images.js';

/** Option names in the order they appear, with their values in order, e.g. Größe: S, M, L. */
function optionGroups(variants: Variant[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const v of variants) {
    for (const [name, value] of Object.entries(v.options)) {
      const values = groups.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      groups.set(name, values);
    }
  }
  return groups;
}

/**
 * One product: gallery, price, variant choice, availability, the add-to-cart button, then the
 * description and attributes.
 *
 * @summary Product page.
 * @fires shop-add-to-cart - The shopper put the product (in the chosen variant) into the cart.
 */
@customElement('shop-product-page')
export class ShopProductPage extends LitElement {
  static override styles = [sharedStyles, productPageStyles];

  @consume({ context: catalogContext, subscribe: true })
  private catalog?: CatalogIndex;

  private readonly liveStock = new StockController(this);

  @state() private imageIndex = 0;
  @state() private options: Record<string, string> = {};
  @state() private quantity = 1;
  @state() private added = false;

  @property() slug = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('slug') || changed.has('catalog')) && this.product) {
      const catalog = this.catalog;
      recordView(this.product.id)
        .then(() => catalog && pinOfflineImages(catalog))
        .catch((error: unknown) => console.error('Laden: the view was not recorded', error));
    }
    if (changed.has('slug')) {
      this.imageIndex = 0;
      this.quantity = 1;
      this.added = false;
      const first = this.product?.variants?.find((v) => v.stock > 0) ?? this.product?.variants?.[0];
      this.options = first ? { ...first.options } : {};
    }
  }

  private get product(): Product | undefined {
    return this.catalog?.productBySlug(this.slug);
  }

  private get variant(): Variant | undefined {
    return this.product?.variants?.find((v) =>
      Object.entries(this.options).every(([name, value]) => v.options[name] === value),
    );
  }

  private choose(name: string, value: string): void {
    this.options = { ...this.options, [name]: value };
    this.added = false;
  }

  private addToCart(product: Product): void {
    const variant = this.variant;
    this.dispatchEvent(
      new AddToCartEvent({
        productId: product.id,
        ...(variant ? { variantId: variant.id } : {}),
        quantity: this.quantity,
      }),
    );
    this.added = true;
  }

  private renderGallery(product: Product) {
    const image = product.images[this.imageIndex] ?? product.images[0];
    if (!image) return nothing;
    return html`<div class="gallery">
      <shop-image
        class="main-image"
        src=${`/data/${image.src}`}
        alt=${image.alt}
        width=${image.width}
        height=${image.height}
        priority
      ></shop-image>
      ${
        product.images.length > 1
          ? html`<div class="thumbs" role="group" aria-label="Weitere Bilder">
              ${product.images.map(
                (img, i) =>
                  html`<button
                    type="button"
                    aria-label=${`Bild ${i + 1} von ${product.images.length}: ${img.alt}`}
                    aria-pressed=${i === this.imageIndex}
                    @click=${() => (this.imageIndex = i)}
                  >
                    <shop-image src=${`/data/${img.src}`} alt="" width=${img.width} height=${img.height}></shop-image>
                  </button>`,
              )}
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderVariants(product: Product) {
    if (!product.variants?.length) return nothing;
    return [...optionGroups(product.variants)].map(
      ([name, values]) =>
        html`<fieldset class="options">
          <legend>${name}: <strong>${this.options[name] ?? ''}</strong></legend>
          ${values.map((value) => {
            const available = product.variants!.some(
              (v) =>
                v.stock > 0 &&
                v.options[name] === value &&
                Object.entries(this.options).every(([n, val]) => n === name || v.options[n] === val),
            );
            return html`<button
              type="button"
              class=${available ? '' : 'unavailable'}
              aria-pressed=${this.options[name] === value}
              @click=${() => this.choose(name, value)}
            >
              ${value}
            </button>`;
          })}
        </fieldset>`,
    );
  }

  override render() {
    if (!this.catalog) return nothing;
    const product = this.product;
    if (!product) {
      return html`<shop-not-found
        heading="Produkt nicht gefunden"
        detail="Dieses Produkt gibt es in unserem Laden nicht (mehr)."
      ></shop-not-found>`;
    }
    const category = this.catalog.category(product.category);
    const variant = this.variant;
    const price = variant?.price ?? product.price;
    const catalogStock = product.variants?.length ? (variant?.stock ?? 0) : product.stock;
    // The server's live figure once known: the catalog's is only where stock started.
    const stock =
      product.variants?.length && !variant
        ? 0
        : (this.liveStock.service.available(product.id, variant?.id) ?? catalogStock);
    const canBuy = stock > 0 && (!product.variants?.length || variant !== undefined);
    return html`<div class="page">
      <nav class="crumbs" aria-label="Brotkrumen">
        <a href="/">Start</a> › ${category ? html`<a href=${`/c/${category.slug}`}>${category.name}</a> ›` : nothing}
        <span aria-current="page">${product.title}</span>
      </nav>
      <div class="layout">
        ${this.renderGallery(product)}
        <section class="buy" aria-label="Kaufen">
          <span class="brand">${product.brand}</span>
          <h1>${product.title}</h1>
          <shop-rating .value=${product.rating} .count=${product.ratingCount}></shop-rating>
          <p class="price">${formatEuro(price)}</p>
          <shop-promo-badge .product=${product}></shop-promo-badge>
          <p class="vat">inkl. ${VAT_RATES[product.vatClass]} % MwSt., zzgl. Versand</p>
          ${this.renderVariants(product)}
          <shop-stock-state
            .stock=${catalogStock}
            product-id=${product.id}
            variant-id=${variant?.id ?? ''}
          ></shop-stock-state>
          <div class="actions">
            <shop-quantity-input
              .value=${this.quantity}
              .max=${Math.max(1, Math.min(stock, 999))}
              label=${`Menge für ${product.title}`}
              @shop-quantity-change=${(e: { quantity: number }) => (this.quantity = e.quantity)}
            ></shop-quantity-input>
            <button class="button add" ?disabled=${!canBuy} @click=${() => this.addToCart(product)}>
              In den Warenkorb
            </button>
          </div>
          ${
            this.added
              ? html`<p class="added" role="status">Im Warenkorb. <a href="/cart">Zum Warenkorb</a></p>`
              : nothing
          }
        </section>
      </div>
      <section class="details">
        <h2>Beschreibung</h2>
        <p class="description">${product.description}</p>
        <h2>Eigenschaften</h2>
        <dl>
          ${Object.entries(product.attributes).map(
            ([k, v]) =>
              html`<dt>${k}</dt>
                <dd>${v}</dd>`,
          )}
        </dl>
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-product-page': ShopProductPage;
  }
}
