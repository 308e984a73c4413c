import { Workbox } from 'workbox-window';
import { SW_URL } from '../../sw-contract.js';

let workbox: Workbox | undefined;

/**
 * Registers the service worker once per page (production builds only: in `vite dev` there is no
 * bundled worker and caching would hide every edit). Returns the Workbox to listen on, or undefined
 * where service workers are unavailable (old browsers, some private modes).
 */
export function serviceWorker(): Workbox | undefined {
  if (workbox || !import.meta.env.PROD || !('serviceWorker' in navigator)) return workbox;
  workbox = new Workbox(SW_URL, { scope: '/' });
  workbox.register().catch((error: unknown) => console.error('Laden: the service worker did not register', error));
  return workbox;
}
