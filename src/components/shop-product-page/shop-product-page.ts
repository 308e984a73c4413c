import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { listingLookup } from '../../services/cart-products.js';
import { VAT_RATES, type Product, type Variant } from '../../domain/catalog.js';
import { formatEuro } from '../../domain/money.js';
import type { ProductCard } from '../../domain/product-card.js';
import { ListingController } from '../../controllers/listing-controller.js';
import { AddToCartEvent } from '../../events/add-to-cart.js';
import { StockController } from '../../controllers/stock-controller.js';
import { sharedStyles } from '../../styles/shared.js';
import { productPageStyles } from './shop-product-page.styles.js';
import { dataImages, productImage } from '../shop-image/product-image.js';
import '../shop-rating/shop-rating.js';
import '../shop-stock-state/shop-stock-state.js';
import '../shop-quantity-input/shop-quantity-input.js';
import '../shop-not-found/shop-not-found.js';
import '../shop-promo-badge/shop-promo-badge.js';
import { viewedProduct } from '../../services/recently-viewed.js';

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

/** A product as far as its card tells: offline, before its details ever reached the device. */
const fromCard = (card: ProductCard): Product => ({
  ...card,
  description: '',
  attributes: {},
  images: card.image ? [card.image] : [],
});

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

  /** The product's details bucket, asked for when the page opens; renders again when it arrives. */
  private readonly listing = new ListingController(this);
  /** The slug whose product the page was set up for (variant choice). */
  #setUpFor = '';
  #recorded = '';

  private readonly liveStock = new StockController(this);

  @state() private imageIndex = 0;
  @state() private options: Record<string, string> = {};
  @state() private quantity = 1;
  @state() private added = false;

  @property() slug = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('slug')) {
      this.imageIndex = 0;
      this.quantity = 1;
      this.added = false;
      this.#setUpFor = '';
    }
    const product = this.product;
    // The details arrive after the page opened: set up for them once, when they are there.
    if (product && this.#setUpFor !== this.slug) {
      this.#setUpFor = this.slug;
      const first = product.variants?.find((v) => v.stock > 0) ?? product.variants?.[0];
      this.options = first ? { ...first.options } : {};
    }
    const view = this.view;
    const seen = product?.id ?? (view?.state === 'card-only' ? view.card.id : undefined);
    if (seen) this.#recordView(seen);
  }

  /** Once per product; the images of the seen products (as far as the listing has them) stay offline. */
  #recordView(productId: string): void {
    if (this.#recorded === productId) return;
    this.#recorded = productId;
    viewedProduct(productId, listingLookup(this.listing.store)).catch((error: unknown) =>
      console.error('Laden: the view was not recorded', error),
    );
  }

  private get view() {
    return this.listing.store?.productView(this.slug);
  }

  private get product(): Product | undefined {
    const view = this.view;
    return view?.state === 'ready' ? view.product : undefined;
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
      ${productImage(dataImages, image, { class: 'main-image', priority: true })}
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
                    ${productImage(dataImages, img, { alt: '' })}
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
    const listing = this.listing.store;
    const view = this.view;
    if (!listing || !view) return nothing;
    if (view.state === 'loading') return html`<p class="loading" role="status">Das Produkt wird geladen …</p>`;
    if (view.state === 'missing') {
      return html`<shop-not-found
        heading="Produkt nicht gefunden"
        detail="Dieses Produkt gibt es in unserem Laden nicht (mehr)."
      ></shop-not-found>`;
    }
    if (view.state === 'unavailable') {
      return html`<shop-not-found
        heading="Produkt offline nicht verfügbar"
        detail="Dieses Produkt ist noch nicht auf diesem Gerät gespeichert. Mit einer Verbindung ist es gleich da."
      ></shop-not-found>`;
    }
    const cardOnly = view.state === 'card-only';
    const product = view.state === 'ready' ? view.product : fromCard(view.card);
    const category = listing.category(product.category);
    const variant = this.variant;
    const price = variant?.price ?? product.price;
    const catalogStock = product.variants?.length ? (variant?.stock ?? 0) : product.stock;
    // The server's live figure once known: the catalog's is only where stock started.
    const stock =
      product.variants?.length && !variant
        ? 0
        : (this.liveStock.service.available(product.id, variant?.id) ?? catalogStock);
    // Offline without details, a product with variants cannot be chosen; one without can be bought.
    const canBuy =
      stock > 0 && (!product.variants?.length || variant !== undefined) && !(cardOnly && view.card.variantCount > 0);
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
      ${
        cardOnly
          ? html`<section class="details">
              <p class="offline-note" role="status">Details sind offline noch nicht verfügbar.</p>
            </section>`
          : this.renderDetails(product)
      }
    </div>`;
  }

  private renderDetails(product: Product) {
    return html`<section class="details">
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
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-product-page': ShopProductPage;
  }
}
