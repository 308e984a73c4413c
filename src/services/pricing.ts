import type { Cart } from '../domain/cart.js';
import type { Catalog, Product } from '../domain/catalog.js';
import {
  activePromotionsFor,
  type Promotion,
  type PromotionRules,
  type PromotionSubject,
} from '../domain/promotions.js';
import type { Quote } from '../domain/quote.js';
import { readPublishedRules } from '../domain/published-rules.js';
import { WasmTrapError } from '../wasm/errors.js';
import type { PricingEngine } from '../wasm/pricing.js';

export const RULES_URL = '/data/rules.json';

/** The rules could not be fetched; the message is for the shopper. */
class RulesUnavailableError extends Error {}

async function loadRules(url: string): Promise<PromotionRules> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new RulesUnavailableError('Keine Verbindung und noch keine Preisregeln auf diesem Gerät gespeichert.');
  }
  if (!response.ok) throw new RulesUnavailableError(`Die Preisregeln sind nicht erreichbar (HTTP ${response.status}).`);
  // Checked in full where the file is published; a page only reads it (see readPublishedRules).
  return readPublishedRules(await response.text());
}

/** The catalog the engine prices a cart from: the cart's products alone (see `quote`). */
export function catalogOf(products: readonly Product[], source = ''): Catalog {
  return { version: 1, currency: 'EUR', locale: 'de-DE', source, categories: [], products: [...products] };
}

/** The products' ids (and variant ids): equal keys mean the engine already holds these products. */
export const catalogKey = (catalog: Catalog): string =>
  `${catalog.source}\n${catalog.products.map((p) => [p.id, ...(p.variants ?? []).map((v) => v.id)].join(' ')).join('\n')}`;

/**
 * The shop's pricing: loads the WASM engine and the rules once per rules file, then quotes
 * synchronously, so a quantity change is priced in the same frame. The engine holds only the
 * products of the cart being priced (cards and, for products with variants, their details), never
 * the whole catalog: a quote for another set of products writes them into the live engine first.
 * Fires `change` when it becomes ready (or fails); a failure is a message to show, never a blank page.
 */
export class PricingService extends EventTarget {
  static readonly #byRules = new Map<string, PricingService>();

  /** The one service for the rules at `rulesUrl`, created (and starting to load) on first use. */
  static for(rulesUrl = RULES_URL): PricingService {
    let service = PricingService.#byRules.get(rulesUrl);
    if (!service) {
      service = new PricingService(rulesUrl);
      PricingService.#byRules.set(rulesUrl, service);
    }
    return service;
  }

  #engine: PricingEngine | undefined;
  #loadedKey = '';
  #error: string | undefined;
  readonly #ready: Promise<void>;

  constructor(rulesUrl = RULES_URL) {
    super();
    this.#ready = this.#load(rulesUrl);
  }

  get ready(): Promise<void> {
    return this.#ready;
  }

  /** Why prices cannot be shown, in words for the shopper. */
  get error(): string | undefined {
    return this.#error;
  }

  get rules(): PromotionRules | undefined {
    return this.#engine?.rules;
  }

  /**
   * The quote for `cart` from `products` (a catalog of the cart's products: a line whose product is
   * not in it is priced as an unknown product), or undefined while loading or after a failure.
   */
  quote(cart: Cart, products: Catalog, at: number = Date.now()): Quote | undefined {
    if (!this.#engine) return undefined;
    const key = catalogKey(products);
    if (key !== this.#loadedKey) {
      // Cheap: the live instance keeps its compiled module and memory; only the tables are rewritten.
      this.#engine.load(products, this.#engine.rules);
      this.#loadedKey = key;
    }
    try {
      return this.#engine.quote(cart, at);
    } catch (error) {
      if (!(error instanceof WasmTrapError)) throw error;
      // The engine has re-written its state into a fresh instance: one more try, then give up.
      console.error(error);
      try {
        return this.#engine.quote(cart, at);
      } catch (again) {
        console.error(again);
        this.#error = 'Die Preise können gerade nicht berechnet werden. Bitte laden Sie die Seite neu.';
        return undefined;
      }
    }
  }

  /** Promotions running now that a product card or page should show for `product`. */
  promotionsFor(product: PromotionSubject, at: number = Date.now()): Promotion[] {
    const rules = this.rules;
    return rules ? activePromotionsFor(rules, product, at) : [];
  }

  async #load(rulesUrl: string): Promise<void> {
    try {
      // The engine's facade loads with it, after the page's first view, not in every page's first load.
      const [{ createPricingEngine }, rules] = await Promise.all([import('../wasm/pricing.js'), loadRules(rulesUrl)]);
      this.#engine = await createPricingEngine(catalogOf([]), rules);
      this.#loadedKey = catalogKey(catalogOf([]));
    } catch (error) {
      console.error(error);
      this.#error =
        error instanceof RulesUnavailableError ? error.message : 'Die Preise können gerade nicht berechnet werden.';
    }
    this.dispatchEvent(new Event('change'));
  }
}
