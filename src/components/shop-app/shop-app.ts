// First: the page's security setup must run before anything builds a schema or loads a script.
import '../../page-security.js';
import { LitElement, html } from 'lit';
import { query, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { Router } from '@lit-labs/router';
import { catalogContext } from '../../context/catalog.js';
import { listingContext } from '../../context/listing.js';
import { ListingStore } from '../../services/listing-store.js';
import { cartContext } from '../../context/cart.js';
import { searchContext } from '../../context/search.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import {
  BUILT_CATALOG,
  rememberCatalog,
  rememberedCatalog,
  type CatalogPointer,
} from '../../services/catalog-version.js';
import {
  CatalogUpdates,
  cartPriceChanges,
  loadWholeCatalog,
  priceChanged,
  pricingOf,
} from '../../services/catalog-updates.js';
import { forgetUnsoldProducts, listingLookup, priceNow, priceWhenReady } from '../../services/cart-products.js';
import type { PricingService } from '../../services/pricing.js';
import { pricingContext } from '../../context/pricing.js';
import { CartService } from '../../services/cart-service.js';
import { pinOfflineImages } from '../../services/offline-images.js';
import { SearchService } from '../../services/search.js';
import { listingSource } from '../../services/search-cards.js';
import { AddToCartEvent } from '../../events/add-to-cart.js';
import { NavigateEvent } from '../../events/navigate.js';
import type { ShopAnnouncer } from '../shop-announcer/shop-announcer.js';
import { appStyles } from './shop-app.styles.js';
import '../shop-header/shop-header.js';
import '../shop-category-nav/shop-category-nav.js';
import '../shop-home-page/shop-home-page.js';
import '../shop-category-page/shop-category-page.js';
import '../shop-product-page/shop-product-page.js';
import '../shop-search-box/shop-search-box.js';
import '../shop-search-page/shop-search-page.js';
import '../shop-not-found/shop-not-found.js';
import '../shop-announcer/shop-announcer.js';
import '../shop-network-status/shop-network-status.js';
import '../shop-install-button/shop-install-button.js';
import '../shop-update-toast/shop-update-toast.js';
import '../shop-storage-notice/shop-storage-notice.js';
import '../shop-offline-progress/shop-offline-progress.js';
import { OrderService } from '../../services/order-service.js';
import { nextTask } from '../../services/next-task.js';
import { firstViewDone, firstViewShown, markFirstView } from '../../services/first-view.js';
import { formatEuro } from '../../domain/money.js';
import { orderContext } from '../../context/orders.js';

/**
 * A route whose page loads when it is first entered: only the pages people land on are in the first
 * load (one file: on a slow connection every further file is another round trip before the first view).
 */
const loadFirst = (load: () => Promise<unknown>) => async (): Promise<boolean> => {
  // Not in the task that asked: compiling the page's chunks is tens of milliseconds on a phone, and
  // at start that task is already the shell's upgrade (src/main.ts).
  await nextTask();
  await load();
  return true;
};

/** The pages loaded when entered, in the order a shopper reaches them; the cart page loads the checkout. */
const LATER_PAGES = [
  () => import('../shop-cart-page/shop-cart-page.js'),
  () => import('../shop-order-confirmation/shop-order-confirmation.js'),
  () => import('../shop-orders-page/shop-orders-page.js'),
];

/**
 * Loads the later pages one per idle period once the first view is up, so that they open without a
 * connection even before the service worker has cached them (an order placed offline shows its page).
 */
function loadLaterPages(pages = LATER_PAGES): void {
  const [next, ...rest] = pages;
  if (!next) return;
  const whenIdle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
  whenIdle(
    () => {
      next().then(
        () => loadLaterPages(rest),
        (error: unknown) => console.warn('Laden: a page could not be loaded ahead', error),
      );
    },
    { timeout: 5000 },
  );
}

const searchQuery = (): string => new URLSearchParams(location.search).get('q') ?? '';

/**
 * The app shell: loads the catalog, owns the cart service, routes URLs to pages and turns the
 * pages' events into changes (add to cart, navigate).
 *
 * @summary Laden's app shell.
 */
// Registered by src/main.ts, a task after the scripts' evaluation (see there).
export class ShopApp extends LitElement {
  static override styles = appStyles;

  private readonly router = new Router(
    this,
    [
      { path: '/', render: () => html`<shop-home-page></shop-home-page>` },
      {
        path: '/c/:category',
        render: ({ category }) => html`<shop-category-page slug=${category ?? ''}></shop-category-page>`,
      },
      { path: '/p/:slug', render: ({ slug }) => html`<shop-product-page slug=${slug ?? ''}></shop-product-page>` },
      {
        path: '/cart',
        enter: loadFirst(() => import('../shop-cart-page/shop-cart-page.js')),
        render: () => html`<shop-cart-page></shop-cart-page>`,
      },
      {
        // The checkout and its form's schemas (zod) load when the shopper gets there.
        path: '/checkout',
        enter: loadFirst(() => import('../shop-checkout-page/shop-checkout-page.js')),
        render: () => html`<shop-checkout-page></shop-checkout-page>`,
      },
      {
        path: '/orders',
        enter: loadFirst(() => import('../shop-orders-page/shop-orders-page.js')),
        render: () => html`<shop-orders-page></shop-orders-page>`,
      },
      {
        path: '/orders/:key',
        enter: loadFirst(() => import('../shop-order-confirmation/shop-order-confirmation.js')),
        render: ({ key }) => html`<shop-order-confirmation key=${key ?? ''}></shop-order-confirmation>`,
      },
      { path: '/search', render: () => html`<shop-search-page .query=${searchQuery()}></shop-search-page>` },
      {
        // The engine page and its benchmark references load only when someone opens it.
        path: '/wasm',
        enter: loadFirst(() => import('../shop-wasm-page/shop-wasm-page.js')),
        render: () => {
          void this.loadWholeCatalog();
          return html`<shop-wasm-page></shop-wasm-page>`;
        },
      },
    ],
    { fallback: { render: () => html`<shop-not-found></shop-not-found>` } },
  );

  /** What the pages show first: the manifest at once, shards and details as they are asked for. */
  @provide({ context: listingContext })
  @state()
  private listing?: ListingStore;

  /** The pricing of the shown version (its rules): the cart, the checkout and the promotion badges. */
  @provide({ context: pricingContext })
  @state()
  private pricing?: PricingService;

  /** The whole catalog, for the /wasm page only: loaded when that page opens. */
  @provide({ context: catalogContext })
  @state()
  private catalog?: CatalogIndex;
  /** The version whose whole catalog is loaded or on its way. */
  private catalogFor?: CatalogPointer;

  /** From the listing, as soon as it is open: the server answers until the device's index is loaded. */
  @provide({ context: searchContext })
  @state()
  private search?: SearchService;

  @provide({ context: cartContext })
  private readonly cartService = new CartService();

  @provide({ context: orderContext })
  private readonly orders = new OrderService();

  @query('shop-announcer') private announcer?: ShopAnnouncer;
  @state() private loadError = '';

  /** The shown version; a newer published one replaces it without a reload. */
  private pointer?: CatalogPointer;
  private readonly updates = new CatalogUpdates(
    () => this.pointer,
    (next) => this.switchTo(next),
  );

  /**
   * The first render comes in tasks of its own. On a phone the scripts' evaluation, the locale data
   * the first price needs (Intl, loaded on first use) and the first render take tens of milliseconds
   * each; in one task they would keep the page from answering a tap for well over 100 ms.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) {
      await nextTask();
      formatEuro(0);
      await nextTask();
    }
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(AddToCartEvent.eventName, this.onAddToCart);
    this.addEventListener(NavigateEvent.eventName, this.onNavigate);
    this.cartService.addEventListener('change', this.pinImages);
    void this.load();
    // Sending stored orders can wait a task: this one is the shell's upgrade at start.
    void nextTask().then(() => this.isConnected && this.orders.start());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(AddToCartEvent.eventName, this.onAddToCart);
    this.removeEventListener(NavigateEvent.eventName, this.onNavigate);
    this.cartService.removeEventListener('change', this.pinImages);
    this.orders.stop();
    this.updates.stop();
    this.listing?.removeEventListener('change', this.onListingChange);
  }

  /** The version this device showed last (from the service worker's cache offline), else the built one. */
  private async load(): Promise<void> {
    this.loadError = '';
    let pointer = rememberedCatalog();
    try {
      const listing = await ListingStore.open(pointer.listing).catch((error: unknown) => {
        if (pointer.version === BUILT_CATALOG.version) throw error;
        console.warn('Laden: the remembered catalog is gone; showing the built one', error);
        pointer = BUILT_CATALOG;
        return ListingStore.open(pointer.listing);
      });
      // The first view and the search start from here; pricing follows, from the cart's products.
      this.pointer = pointer;
      this.showListing(listing, this.searchFor(listing, pointer));
      await firstViewShown(listing);
    } catch (error) {
      console.error(error);
      this.loadError = error instanceof Error ? error.message : String(error);
      return;
    } finally {
      markFirstView();
    }
    this.pricing = pricingOf(pointer);
    loadLaterPages();
    this.updates.start();
  }

  /**
   * The whole catalog, for the /wasm page's engine races only (every other page, the cart and search
   * work from the listing): fetched when that page opens, once per version.
   */
  private async loadWholeCatalog(): Promise<void> {
    const pointer = this.pointer;
    if (!pointer || this.catalogFor === pointer) return;
    this.catalogFor = pointer;
    try {
      const index = await loadWholeCatalog(pointer);
      if (pointer === this.pointer) this.catalog = index;
    } catch (error) {
      this.catalogFor = undefined;
      console.error('Laden: the whole catalog could not be loaded for the WebAssembly page', error);
    }
  }

  private searchFor(listing: ListingStore, pointer: CatalogPointer): SearchService {
    return new SearchService(listingSource(listing, pointer), { loadAfterMs: 1500 });
  }

  private showListing(listing: ListingStore, search: SearchService): void {
    this.listing?.removeEventListener('change', this.onListingChange);
    // The search worker of the catalog shown before holds its index: end it.
    if (this.search !== search) this.search?.dispose();
    this.search = search;
    this.listing = listing;
    listing.addEventListener('change', this.onListingChange);
    // The whole listing goes onto the device after the first view (it would compete with it); once
    // it is there, it can tell which cart lines the catalog no longer sells.
    void firstViewDone
      .then(() => listing.sync())
      .then(() => forgetUnsoldProducts(listing, this.cartService))
      .catch((error: unknown) => console.warn('Laden: the cart could not be checked against the listing', error));
  }

  /** The navigation marks the category of a product page once its details are in. */
  private readonly onListingChange = (): void => this.requestUpdate();

  /**
   * A newer published catalog: its listing's manifest and its pricing rules are loaded before the
   * pages switch to it at once; search follows with its catalog. Lines of products it no longer sells
   * leave the cart with a notice (the cart controller, once the new listing says so); prices that
   * changed for the cart are kept for the cart page to show, once the cart's products are in.
   */
  private async switchTo(pointer: CatalogPointer): Promise<void> {
    const listing = await ListingStore.open(pointer.listing);
    const pricing = pricingOf(pointer);
    const search = this.searchFor(listing, pointer);
    try {
      await Promise.all([pricing.ready, search.ready]);
      if (pricing.error) throw new Error(pricing.error);
    } catch (error) {
      search.dispose();
      throw error;
    }
    const cart = this.cartService.cart;
    const seen = this.listing && this.pricing ? priceNow(this.listing, this.pricing, cart) : undefined;
    this.pointer = pointer;
    this.pricing = pricing;
    this.showListing(listing, search);
    rememberCatalog(pointer);
    if (seen) {
      void priceWhenReady(listing, pricing, cart).then((now) => {
        if (now && priceChanged(seen, now)) cartPriceChanges.set({ seen, now });
      });
    }
    if (this.catalog) void this.loadWholeCatalog();
  }

  private readonly onAddToCart = async (event: AddToCartEvent): Promise<void> => {
    const product = this.listing?.cardById(event.line.productId);
    try {
      await this.cartService.add(event.line);
      this.announcer?.announce(`${product?.title ?? 'Artikel'} liegt im Warenkorb.`);
    } catch (error) {
      console.error(error);
      this.announcer?.announce('Der Warenkorb konnte nicht gespeichert werden.');
    }
  };

  private readonly pinImages = (): void => {
    if (!this.listing) return;
    pinOfflineImages(listingLookup(this.listing)).catch((error: unknown) =>
      console.warn('Laden: offline images not pinned', error),
    );
  };

  private readonly onNavigate = (event: NavigateEvent): void => {
    const url = new URL(event.href, location.href);
    history.pushState({}, '', url);
    void this.router.goto(url.pathname);
    window.scrollTo(0, 0);
  };

  private currentCategorySlug(): string {
    const [, kind, slug] = location.pathname.split('/');
    if (kind === 'c') return slug ?? '';
    if (kind === 'p' && slug) {
      const view = this.listing?.productView(slug);
      const category =
        view?.state === 'ready' ? view.product.category : view?.state === 'card-only' ? view.card.category : '';
      return (category && this.listing?.category(category)?.slug) ?? '';
    }
    return '';
  }

  private renderMain() {
    if (this.loadError) {
      return html`<section class="problem" role="alert">
        <h1>Der Katalog konnte nicht geladen werden</h1>
        <p>${this.loadError}</p>
        <button class="button" @click=${() => this.load()}>Erneut versuchen</button>
      </section>`;
    }
    if (!this.listing) return html`<p class="loading" role="status">Laden lädt …</p>`;
    return this.router.outlet();
  }

  override render() {
    return html`<a class="skip" href="#main">Zum Inhalt springen</a>
      <shop-header>
        <shop-network-status></shop-network-status>
        <shop-install-button></shop-install-button>
      </shop-header>
      <shop-storage-notice></shop-storage-notice>
      <shop-category-nav
        .categories=${this.listing?.categories ?? []}
        current=${this.currentCategorySlug()}
      ></shop-category-nav>
      <main id="main" tabindex="-1">${this.renderMain()}</main>
      <footer>
        <p>Laden · Alle Preise in Euro inkl. gesetzlicher MwSt. · Versand innerhalb Deutschlands</p>
        <p><a href="/orders">Meine Bestellungen</a> · <a href="/wasm">So rechnet Laden: WebAssembly</a></p>
        <shop-offline-progress></shop-offline-progress>
      </footer>
      <shop-announcer></shop-announcer>
      <shop-update-toast ?paused=${location.pathname.startsWith('/checkout')}></shop-update-toast>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-app': ShopApp;
  }
}
