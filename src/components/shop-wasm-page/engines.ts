import type { Catalog } from '../../domain/catalog.js';
import type { PromotionRules } from '../../domain/promotions.js';
import { createPricingEngine } from '../../wasm/pricing.js';
import { SearchEngine } from '../../wasm/search.js';
import { Thumbnailer } from '../../wasm/thumbnail.js';
import type { Engines } from './workloads.js';

/** The modules this page shows, by the names they are built and loaded under. */
export const MODULE_NAMES = ['pricing', 'search', 'thumbnail'] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

/** The page's own instance of each engine, fed with the shop's catalog and rules. */
export async function loadEngines(catalog: Catalog, rules: PromotionRules): Promise<Engines> {
  const [pricing, search, thumbnailer] = await Promise.all([
    createPricingEngine(catalog, rules),
    SearchEngine.build(catalog),
    Thumbnailer.load(),
  ]);
  return { pricing, search, thumbnailer };
}

/** Linear memory each instance holds right now (it grows with the work it was given). */
export function memoryInUse(engines: Engines): Record<ModuleName, number> {
  return {
    pricing: engines.pricing.memoryBytes,
    search: engines.search.memoryBytes,
    thumbnail: engines.thumbnailer.memoryBytes,
  };
}
