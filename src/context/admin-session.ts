import { createContext } from '@lit/context';
import type { Staff } from '../admin/types.js';

/** The signed-in staff member, provided by <admin-app>; undefined while signed out. */
export const adminSessionContext = createContext<Staff | undefined>(Symbol('laden-admin-session'));
