import { createContext } from '@lit/context';
import type { ListingStore } from '../services/listing-store.js';

/** The shipped listing of the shown catalog, provided by <shop-app> as soon as its manifest is in. */
export const listingContext = createContext<ListingStore | undefined>(Symbol('laden-listing'));
