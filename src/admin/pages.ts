/**
 * The back office's pages, each loaded as its own chunk the first time it is opened.
 *
 * To add a page, add ONE line to ADMIN_PAGES:
 *   page('stock', 'Bestand', 'admin-stock-page', () => import('../components/admin-stock-page/admin-stock-page.js')),
 * - the path below /admin/ (`:name` parts become properties of the element, e.g. 'orders/:orderId');
 * - the label of its link in the navigation ('' for pages reached from another page, e.g. a detail);
 * - the element's tag, and the import of its module (which registers the element);
 * - optionally `{ owner: true }` when only owners may open it.
 * The element renders an `<h1 tabindex="-1">`: the shell moves the focus there after each navigation.
 */
export interface AdminPage {
  path: string;
  label: string;
  tag: string;
  load: () => Promise<unknown>;
  owner: boolean;
}

const page = (
  path: string,
  label: string,
  tag: string,
  load: () => Promise<unknown>,
  options: { owner?: boolean } = {},
): AdminPage => ({ path, label, tag, load, owner: options.owner ?? false });

// prettier-ignore -- one page, one line
export const ADMIN_PAGES: readonly AdminPage[] = [
  page(
    'orders',
    'Bestellungen',
    'admin-orders-page',
    () => import('../components/admin-orders-page/admin-orders-page.js'),
  ),
  page('orders/:orderId', '', 'admin-order-page', () => import('../components/admin-order-page/admin-order-page.js')),
  page('stock', 'Bestand', 'admin-stock-page', () => import('../components/admin-stock-page/admin-stock-page.js')),
  page(
    'passkeys',
    'Passkeys',
    'admin-passkeys-page',
    () => import('../components/admin-passkeys-page/admin-passkeys-page.js'),
  ),
  page('mail', 'E-Mails', 'admin-mail-page', () => import('../components/admin-mail-page/admin-mail-page.js')),
  page('staff', 'Personal', 'admin-staff-page', () => import('../components/admin-staff-page/admin-staff-page.js'), {
    owner: true,
  }),
  page('audit', 'Protokoll', 'admin-audit-page', () => import('../components/admin-audit-page/admin-audit-page.js'), {
    owner: true,
  }),
];

/** Where the back office starts after sign-in. */
export const HOME = '/admin/orders';
