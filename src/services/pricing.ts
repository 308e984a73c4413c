import type { Cart } from '../domain/cart.js';
import type { Catalog } from '../domain/catalog.js';
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

/**
 * The shop's pricing: loads the WASM engine and the rules once per catalog, then quotes
 * synchronously, so a quantity change is priced in the same frame. Fires `change` when it becomes
 * ready (or fails); a failure is a message to show, never a blank page.
 */
export class PricingService extends EventTarget {
  static readonly #byCatalog = new WeakMap<Catalog, PricingService>();

  /** The one service for `catalog`, created (and starting to load) on first use. */
  static for(catalog: Catalog, rulesUrl = RULES_URL): PricingService {
    let service = PricingService.#byCatalog.get(catalog);
    if (!service) {
      service = new PricingService(catalog, rulesUrl);
      PricingService.#byCatalog.set(catalog, service);
    }
    return service;
  }

  #engine: PricingEngine | undefined;
  #error: string | undefined;
  readonly #ready: Promise<void>;

  constructor(catalog: Catalog, rulesUrl = RULES_URL) {
    super();
    this.#ready = this.#load(catalog, rulesUrl);
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

  /** The quote for `cart`, or undefined while loading or after a failure (see `error`). */
  quote(cart: Cart, at: number = Date.now()): Quote | undefined {
    if (!this.#engine) return undefined;
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

  async #load(catalog: Catalog, rulesUrl: string): Promise<void> {
    try {
      // The engine's facade loads with it, after the page's first view, not in every page's first load.
      const [{ createPricingEngine }, rules] = await Promise.all([import('../wasm/pricing.js'), loadRules(rulesUrl)]);
      this.#engine = await createPricingEngine(catalog, rules);
    } catch (error) {
      console.error(error);
      this.#error =
        error instanceof RulesUnavailableError ? error.message : 'Die Preise können gerade nicht berechnet werden.';
    }
    this.dispatchEvent(new Event('change'));
  }
}
