import { createContext } from '@lit/context';
import type { OrderService } from '../services/order-service.js';

/** Placing orders and their delivery, provided by <shop-app>. */
export const orderContext = createContext<OrderService | undefined>(Symbol('laden-orders'));
