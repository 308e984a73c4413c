import { createContext } from '@lit/context';
import type { PricingService } from '../services/pricing.js';

/** The pricing of the shown catalog version (its rules), provided by <shop-app>. */
export const pricingContext = createContext<PricingService | undefined>(Symbol('laden-pricing'));
