import { createContext } from '@lit/context';
import type { SearchService } from '../services/search.js';

/** The shop's search, provided by <shop-app> once the catalog has arrived; loads on first use. */
export const searchContext = createContext<SearchService | undefined>(Symbol('laden-search'));
