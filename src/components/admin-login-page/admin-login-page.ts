import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { browserSupportsWebAuthn, startAuthentication, WebAuthnError } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { AdminApiError, GENERIC_FAILURE, adminApi } from '../../admin/api.js';
import { formatWait } from '../../admin/format.js';
import { adminStyles } from '../../admin/styles.js';
import type { Staff } from '../../admin/types.js';
import { OnlineController } from '../../controllers/online-controller.js';
import { AdminSignedInEvent } from '../../events/admin-signed-in.js';
import { sharedStyles } from '../../styles/shared.js';
import { errorAlert } from '../admin-shared/page-parts.js';

/**
 * Sign-in to the back office: e-mail and password, or a passkey. The messages never say which of
 * e-mail or password was wrong; a throttled attempt says how long to wait. Offline it says that
 * signing in needs a connection.
 *
 * @summary Back office sign-in.
 * @fires admin-signed-in - With the staff member, once the server set the session cookie.
 */
@customElement('admin-login-page')
export class AdminLoginPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .page {
        max-width: 440px;
      }
      form .button {
        width: 100%;
      }
      .or {
        display: flex;
        align-items: center;
        gap: 12px;
        color: var(--shop-muted);
        margin: 16px 0;
      }
      .or::before,
      .or::after {
        content: '';
        flex: 1;
        border-top: 1px solid var(--shop-border);
      }
      .passkey {
        width: 100%;
      }
      [role='alert'] {
        margin: 0 0 14px;
      }
    `,
  ];

  private readonly network = new OnlineController(this);

  @query('#email') private emailInput?: HTMLInputElement;
  @query('#password') private passwordInput?: HTMLInputElement;
  @state() private busy = false;
  @state() private error = '';
  /** While the server throttles sign-ins (429), the buttons wait too. */
  @state() private throttled = false;
  private throttleTimer?: ReturnType<typeof setTimeout>;

  override firstUpdated(): void {
    this.emailInput?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.throttleTimer);
  }

  private fail(error: unknown): void {
    if (error instanceof AdminApiError && error.status === 429) {
      const seconds = error.retryAfter ?? 30;
      this.error = `Zu viele Anmeldeversuche. Bitte warten Sie ${formatWait(seconds)}, dann versuchen Sie es erneut.`;
      this.throttled = true;
      clearTimeout(this.throttleTimer);
      this.throttleTimer = setTimeout(() => (this.throttled = false), seconds * 1000);
    } else if (error instanceof AdminApiError && error.status === 401) {
      this.error = 'E-Mail-Adresse oder Passwort ist falsch.';
    } else if (error instanceof AdminApiError) {
      this.error = error.status === 0 ? error.message : GENERIC_FAILURE;
    } else {
      console.warn(error);
      this.error = GENERIC_FAILURE;
    }
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || this.throttled || !this.network.online) return;
    const email = this.emailInput?.value.trim() ?? '';
    const password = this.passwordInput?.value ?? '';
    if (!email || !password) {
      this.error = 'Bitte E-Mail-Adresse und Passwort angeben.';
      (email ? this.passwordInput : this.emailInput)?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const { staff } = await adminApi<{ staff: Staff }>('session', {
        method: 'POST',
        body: { email, password },
        signIn: true,
      });
      this.dispatchEvent(new AdminSignedInEvent(staff, 'password'));
    } catch (error) {
      this.fail(error);
      if (this.passwordInput) this.passwordInput.value = '';
      this.passwordInput?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async signInWithPasskey(): Promise<void> {
    if (this.busy || this.throttled || !this.network.online) return;
    this.busy = true;
    this.error = '';
    try {
      const optionsJSON = await adminApi<PublicKeyCredentialRequestOptionsJSON>('session/passkey/options', {
        method: 'POST',
        body: {},
        signIn: true,
      });
      const response = await startAuthentication({ optionsJSON });
      const { staff } = await adminApi<{ staff: Staff }>('session/passkey', {
        method: 'POST',
        body: { response },
        signIn: true,
      });
      this.dispatchEvent(new AdminSignedInEvent(staff, 'passkey'));
    } catch (error) {
      if (error instanceof WebAuthnError || (error instanceof Error && error.name === 'NotAllowedError')) {
        this.error = 'Die Anmeldung mit Passkey wurde abgebrochen oder ist nicht möglich.';
      } else if (error instanceof AdminApiError && error.status === 401) {
        this.error = 'Dieser Passkey ist nicht bekannt.';
      } else {
        this.fail(error);
      }
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const offline = !this.network.online;
    const blocked = this.busy || this.throttled || offline;
    return html`<section class="page">
      <h1 tabindex="-1">Anmelden</h1>
      <p class="muted">Verwaltung von Laden: Bestellungen, Personal und Protokoll.</p>
      ${
        offline
          ? html`<p class="notice" role="status">
              Keine Verbindung. Für die Anmeldung braucht die Verwaltung eine Internetverbindung.
            </p>`
          : nothing
      }
      <div class="card">
        ${errorAlert(this.error)}
        <form @submit=${this.signIn} novalidate>
          <div class="field">
            <label for="email">E-Mail-Adresse</label>
            <input id="email" name="email" type="email" autocomplete="username webauthn" required />
          </div>
          <div class="field">
            <label for="password">Passwort</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button class="button" type="submit" ?disabled=${blocked}>Anmelden</button>
        </form>
        ${
          browserSupportsWebAuthn()
            ? html`<p class="or">oder</p>
                <button
                  class="button secondary passkey"
                  type="button"
                  ?disabled=${blocked}
                  @click=${() => this.signInWithPasskey()}
                >
                  Mit Passkey anmelden
                </button>`
            : nothing
        }
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-login-page': AdminLoginPage;
  }
}
