import { createContext } from '@lit/context';
import type { CatalogIndex } from '../domain/catalog-index.js';

/** The loaded catalog, provided by <shop-app> once it has arrived. */
export const catalogContext = createContext<CatalogIndex | undefined>(Symbol('laden-catalog'));
