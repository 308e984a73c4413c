import { Workbox } from 'workbox-window';
import { SW_URL } from '../../sw-contract.js';
import { firstViewDone } from '../../services/first-view.js';

/** How often an open shop asks for a new version; browsers check by themselves only on navigations. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

let workbox: Workbox | undefined;
let lastCheck = 0;

/**
 * A single-page app (above all the installed one) may stay open for days without a navigation, so
 * it checks for a new version every hour and whenever the shopper comes back to it.
 */
function checkForUpdates(wb: Workbox): void {
  const check = () => {
    if (Date.now() - lastCheck < CHECK_EVERY_MS || !navigator.onLine) return;
    lastCheck = Date.now();
    wb.update().catch(() => undefined);
  };
  setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

/**
 * Registers the service worker once per page, once the first view is shown (production builds
 * only: in `vite dev` there is no bundled worker and caching would hide every edit). Returns the
 * Workbox to listen on, or undefined where service workers are unavailable (old browsers, some
 * private modes).
 */
export function serviceWorker(): Workbox | undefined {
  if (workbox || !import.meta.env.PROD || !('serviceWorker' in navigator)) return workbox;
  workbox = new Workbox(SW_URL, { scope: '/' });
  lastCheck = Date.now();
  // After the first view: the worker's install fetches the whole app, which must not compete with it.
  const registering = workbox;
  void firstViewDone.then(() =>
    registering
      .register({ immediate: true })
      .catch((error: unknown) => console.error('Laden: the service worker did not register', error)),
  );
  checkForUpdates(workbox);
  return workbox;
}
