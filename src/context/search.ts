import { createContext } from '@lit/context';
import type { SearchService } from '../services/search.js';

/** The shop's search, provided by <shop-app> as soon as the listing is open (the whole catalog is not needed). */
export const searchContext = createContext<SearchService | undefined>(Symbol('laden-search'));
