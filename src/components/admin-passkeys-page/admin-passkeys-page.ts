import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { browserSupportsWebAuthn, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { AdminApiError, adminApi } from '../../admin/api.js';
import { formatDateTime } from '../../admin/format.js';
import { adminStyles } from '../../admin/styles.js';
import type { Passkey } from '../../admin/types.js';
import { sharedStyles } from '../../styles/shared.js';
import type { AdminConfirmDialog } from '../admin-confirm-dialog/admin-confirm-dialog.js';
import '../admin-confirm-dialog/admin-confirm-dialog.js';
import { errorAlert } from '../admin-shared/page-parts.js';

/**
 * The signed-in staff member's passkeys: add one (the prompt right after a password sign-in, then
 * `?next=` leads on), see when each was last used, remove one.
 *
 * @summary Passkey settings.
 */
@customElement('admin-passkeys-page')
export class AdminPasskeysPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 8px;
        padding: 12px 0;
        border-bottom: 1px solid var(--shop-border);
      }
      li:last-child {
        border-bottom: none;
      }
      .name {
        font-weight: 600;
      }
    `,
  ];

  @query('admin-confirm-dialog') private confirmDialog?: AdminConfirmDialog;
  @state() private passkeys?: Passkey[];
  @state() private busy = false;
  @state() private error = '';
  @state() private message = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Where the prompt after sign-in leads on to; absent on the plain settings page. */
  private get next(): string | undefined {
    const next = new URLSearchParams(location.search).get('next');
    return next && /^\/admin\/[\w/-]*(\?[\w=&%.-]*)?$/.test(next) ? next : undefined;
  }

  private async load(): Promise<void> {
    try {
      this.passkeys = (await adminApi<{ passkeys: Passkey[] }>('passkeys')).passkeys;
    } catch (error) {
      this.error = error instanceof AdminApiError ? error.message : 'Die Passkeys konnten nicht geladen werden.';
    }
  }

  private async add(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.message = '';
    try {
      const optionsJSON = await adminApi<PublicKeyCredentialCreationOptionsJSON>('passkeys/options', {
        method: 'POST',
        body: {},
      });
      const response = await startRegistration({ optionsJSON });
      await adminApi('passkeys', { method: 'POST', body: { response, name: deviceName() } });
      this.message = 'Der Passkey ist eingerichtet. Sie können sich ab jetzt damit anmelden.';
      await this.load();
    } catch (error) {
      if (error instanceof WebAuthnError || (error instanceof Error && error.name === 'NotAllowedError')) {
        this.error = 'Der Passkey wurde nicht eingerichtet (abgebrochen oder auf diesem Gerät nicht möglich).';
      } else {
        this.error = error instanceof AdminApiError ? error.message : 'Der Passkey wurde nicht eingerichtet.';
      }
    } finally {
      this.busy = false;
    }
  }

  private async removePasskey(passkey: Passkey): Promise<void> {
    if (this.busy) return;
    const sure = await this.confirmDialog?.ask(
      'Passkey entfernen?',
      `Mit „${passkey.name}“ können Sie sich danach nicht mehr anmelden.`,
      'Passkey entfernen',
    );
    if (!sure) return;
    this.busy = true;
    this.error = '';
    try {
      await adminApi(`passkeys/${encodeURIComponent(passkey.id)}`, { method: 'DELETE' });
      this.message = `Der Passkey „${passkey.name}“ ist entfernt.`;
      await this.load();
    } catch (error) {
      this.error = error instanceof AdminApiError ? error.message : 'Der Passkey wurde nicht entfernt.';
    } finally {
      this.busy = false;
    }
  }

  private renderList() {
    if (!this.passkeys) return html`<p role="status">Passkeys werden geladen …</p>`;
    if (this.passkeys.length === 0) return html`<p>Sie haben noch keinen Passkey.</p>`;
    return html`<ul aria-label="Ihre Passkeys">
      ${this.passkeys.map(
        (p) =>
          html`<li>
            <span>
              <span class="name">${p.name}</span><br />
              <span class="muted">
                Eingerichtet ${formatDateTime(p.createdAt)} ·
                ${p.lastUsedAt ? `zuletzt benutzt ${formatDateTime(p.lastUsedAt)}` : 'noch nie benutzt'}
              </span>
            </span>
            <button class="button secondary" ?disabled=${this.busy} @click=${() => this.removePasskey(p)}>
              Entfernen<span class="visually-hidden">: ${p.name}</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  override render() {
    const next = this.next;
    return html`<section class="page">
      <h1 tabindex="-1">${next ? 'Passkey einrichten' : 'Passkeys'}</h1>
      <p>
        Mit einem Passkey melden Sie sich ohne Passwort an: mit dem Fingerabdruck, dem Gesicht oder der PIN dieses
        Geräts. Er lässt sich nicht abfangen und auf keiner falschen Seite eingeben.
      </p>
      <div role="status">${this.message ? html`<p class="success">${this.message}</p>` : nothing}</div>
      ${errorAlert(this.error)}
      <div class="card">
        <h2>Ihre Passkeys</h2>
        ${this.renderList()}
      </div>
      <div class="actions">
        ${
          browserSupportsWebAuthn()
            ? html`<button class="button" ?disabled=${this.busy} @click=${() => this.add()}>Passkey hinzufügen</button>`
            : html`<p class="notice">Dieser Browser unterstützt keine Passkeys.</p>`
        }
        ${next ? html`<a class="button secondary" href=${next}>${this.message ? 'Weiter' : 'Später'}</a>` : nothing}
      </div>
      <admin-confirm-dialog></admin-confirm-dialog>
    </section>`;
  }
}

/** A name the staff member recognises the passkey by: the device's platform and the date. */
function deviceName(): string {
  const platform = (navigator as { userAgentData?: { platform?: string } }).userAgentData?.platform || 'Gerät';
  return `${platform}, ${new Date().toLocaleDateString('de-DE')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-passkeys-page': AdminPasskeysPage;
  }
}
