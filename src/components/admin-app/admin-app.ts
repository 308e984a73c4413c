import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { Router, type RouteConfig } from '@lit-labs/router';
import { AdminApiError, adminApi, onSessionEnded } from '../../admin/api.js';
import { ADMIN_PAGES, HOME, type AdminPage } from '../../admin/pages.js';
import type { Staff } from '../../admin/types.js';
import { adminSessionContext } from '../../context/admin-session.js';
import { AdminSignedInEvent } from '../../events/admin-signed-in.js';
import { NavigateEvent } from '../../events/navigate.js';
import type { ShopAnnouncer } from '../shop-announcer/shop-announcer.js';
import { adminAppStyles } from './admin-app.styles.js';
import '../admin-login-page/admin-login-page.js';
import '../shop-announcer/shop-announcer.js';

const LOGIN = '/admin/login';

/** A page's element, made once per navigation; route parameters become its properties. */
interface Shown {
  key: string;
  element: HTMLElement;
}

/**
 * The back office shell: asks the server who is signed in, routes /admin/… to the pages registered
 * in src/admin/pages.ts (one line per page), keeps signed-out visitors on the sign-in page and owners'
 * pages for owners, and moves the focus to each new page's heading.
 *
 * @summary The back office's app shell.
 */
@customElement('admin-app')
export class AdminApp extends LitElement {
  static override styles = adminAppStyles;

  private readonly router = new Router(
    this,
    [
      { path: '/admin', enter: () => this.redirect(HOME) },
      { path: '/admin/', enter: () => this.redirect(HOME) },
      {
        path: LOGIN,
        enter: async () => ((await this.session) ? this.redirect(this.nextPath()) : true),
        render: () => html`<admin-login-page></admin-login-page>`,
      },
      ...ADMIN_PAGES.map((page) => this.route(page)),
    ],
    {
      fallback: {
        render: () =>
          html`<section class="page">
            <h1 tabindex="-1">Seite nicht gefunden</h1>
            <p><a href=${HOME}>Zu den Bestellungen</a></p>
          </section>`,
      },
    },
  );

  @provide({ context: adminSessionContext })
  @state()
  private staff?: Staff;

  @query('main') private main?: HTMLElement;
  @query('shop-announcer') private announcer?: ShopAnnouncer;
  @state() private checked = false;
  @state() private problem = '';

  /** Settles once the server said whether the browser has a session. */
  private session: Promise<Staff | undefined> = Promise.resolve(undefined);
  private shown?: Shown;
  private firstPage = true;

  override connectedCallback(): void {
    this.session = this.checkSession();
    super.connectedCallback();
    this.addEventListener(NavigateEvent.eventName, this.onNavigate);
    this.addEventListener(AdminSignedInEvent.eventName, this.onSignedIn);
    onSessionEnded(() => {
      if (!this.staff) return;
      this.staff = undefined;
      this.session = Promise.resolve(undefined);
      this.navigate(`${LOGIN}?next=${encodeURIComponent(location.pathname + location.search)}`, true);
      this.announcer?.announce('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.');
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(NavigateEvent.eventName, this.onNavigate);
    this.removeEventListener(AdminSignedInEvent.eventName, this.onSignedIn);
  }

  private async checkSession(): Promise<Staff | undefined> {
    try {
      const { staff } = await adminApi<{ staff: Staff }>('session', { signIn: true });
      this.staff = staff;
    } catch (error) {
      // Signed out (401) is the normal case; anything else is shown, but the sign-in page still works.
      if (!(error instanceof AdminApiError && error.status === 401)) console.warn(error);
      this.staff = undefined;
    }
    this.checked = true;
    return this.staff;
  }

  private route(page: AdminPage): RouteConfig {
    return {
      path: `/admin/${page.path}`,
      enter: async () => {
        if (!(await this.session)) {
          const next = location.pathname + location.search;
          return this.redirect(`${LOGIN}?next=${encodeURIComponent(next)}`);
        }
        await page.load();
        return true;
      },
      render: (params) => this.pageElement(page, params),
    };
  }

  private pageElement(page: AdminPage, params: Record<string, string | undefined>) {
    if (page.owner && this.staff?.role !== 'owner') {
      return html`<section class="page">
        <h1 tabindex="-1">Keine Berechtigung</h1>
        <p>Diese Seite ist den Inhaberinnen und Inhabern des Shops vorbehalten.</p>
      </section>`;
    }
    const key = location.pathname;
    if (this.shown?.key !== key) {
      const element = document.createElement(page.tag);
      Object.assign(element, params);
      this.shown = { key, element };
    }
    return this.shown.element;
  }

  /** Leaves an `enter` hook for another URL (replacing the history entry) and cancels this one. */
  private redirect(path: string): false {
    queueMicrotask(() => this.navigate(path, true));
    return false;
  }

  private nextPath(): string {
    const next = new URLSearchParams(location.search).get('next') ?? '';
    // Only a path of the back office itself: never an open redirect.
    return /^\/admin\/[\w/-]*(\?[\w=&%.-]*)?$/.test(next) && !next.startsWith(LOGIN) ? next : HOME;
  }

  navigate(href: string, replace = false): void {
    const url = new URL(href, location.href);
    if (replace) history.replaceState({}, '', url);
    else history.pushState({}, '', url);
    void this.router.goto(url.pathname);
  }

  private readonly onNavigate = (event: NavigateEvent): void => {
    event.stopPropagation();
    this.navigate(event.href);
  };

  private readonly onSignedIn = async (event: AdminSignedInEvent): Promise<void> => {
    this.staff = event.staff;
    this.session = Promise.resolve(event.staff);
    const next = this.nextPath();
    if (event.method === 'password') {
      // Without a passkey yet, the next stop is the offer to make one.
      const passkeys = await adminApi<{ passkeys: unknown[] }>('passkeys').catch(() => ({ passkeys: [1] }));
      if (passkeys.passkeys.length === 0) {
        this.navigate(`/admin/passkeys?next=${encodeURIComponent(next)}`, true);
        return;
      }
    }
    this.navigate(next, true);
  };

  private async signOut(): Promise<void> {
    try {
      await adminApi('session', { method: 'DELETE', signIn: true });
    } catch (error) {
      console.warn(error);
    }
    this.staff = undefined;
    this.session = Promise.resolve(undefined);
    this.navigate(LOGIN);
    this.announcer?.announce('Sie sind abgemeldet.');
  }

  protected override async updated(): Promise<void> {
    // After a navigation, the focus goes to the new page's heading (and the title follows it), so a
    // keyboard or screen-reader user starts reading where the page starts.
    const current = this.main?.firstElementChild as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    const path = location.pathname + location.search;
    if (!current || current.classList.contains('loading') || current.dataset['shownFor'] === path) return;
    current.dataset['shownFor'] = path;
    await current.updateComplete;
    const heading = (current.shadowRoot ?? this.renderRoot).querySelector<HTMLElement>('h1');
    document.title = `${heading?.textContent?.trim() || 'Verwaltung'} – Laden Verwaltung`;
    if (this.firstPage) {
      this.firstPage = false;
      return;
    }
    (heading ?? this.main)?.focus();
  }

  private renderNav() {
    if (!this.staff) return nothing;
    const pages = ADMIN_PAGES.filter((p) => p.label && (!p.owner || this.staff?.role === 'owner'));
    const path = location.pathname;
    return html`<nav aria-label="Verwaltung">
      <ul>
        ${pages.map((p) => {
          const href = `/admin/${p.path}`;
          const current = path === href || path.startsWith(`${href}/`);
          return html`<li><a href=${href} aria-current=${current ? 'page' : 'false'}>${p.label}</a></li>`;
        })}
      </ul>
    </nav>`;
  }

  private renderMain() {
    if (!this.checked) return html`<p class="loading" role="status">Verwaltung lädt …</p>`;
    return this.router.outlet();
  }

  override render() {
    // A button, not a link to #main: the target lives in this shadow root, where no fragment reaches.
    return html`<button class="skip button secondary" @click=${this.skipToMain}>Zum Inhalt springen</button>
      <header>
        <div class="bar">
          <a class="brand" href="/" rel="external">Laden<span>Verwaltung</span></a>
          ${
            this.staff
              ? html`<div class="who">
                  <span class="email">${this.staff.email}</span>
                  <button class="button" @click=${() => this.signOut()}>Abmelden</button>
                </div>`
              : nothing
          }
        </div>
      </header>
      ${this.renderNav()}
      <main id="main" tabindex="-1">${this.renderMain()}</main>
      <shop-announcer></shop-announcer>`;
  }

  private readonly skipToMain = (): void => {
    this.main?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-app': AdminApp;
  }
}
