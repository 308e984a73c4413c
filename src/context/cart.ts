import { createContext } from '@lit/context';
import type { CartService } from '../services/cart-service.js';

export const cartContext = createContext<CartService>(Symbol('laden-cart'));
