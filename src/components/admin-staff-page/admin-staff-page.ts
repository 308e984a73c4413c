import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { AdminApiError, adminApi } from '../../admin/api.js';
import { formatDate } from '../../admin/format.js';
import { adminStyles } from '../../admin/styles.js';
import type { Staff, StaffMember, StaffRole } from '../../admin/types.js';
import { adminSessionContext } from '../../context/admin-session.js';
import { sharedStyles } from '../../styles/shared.js';
import type { AdminConfirmDialog } from '../admin-confirm-dialog/admin-confirm-dialog.js';
import '../admin-confirm-dialog/admin-confirm-dialog.js';
import { errorAlert } from '../admin-shared/page-parts.js';

const ROLE_LABELS: Record<StaffRole, string> = { owner: 'Inhaber/in', staff: 'Mitarbeiter/in' };

/**
 * The shop's staff (owners only): who has access with which role and how many passkeys, add a
 * member with an initial password, remove one (never the last owner: the server refuses).
 *
 * @summary Staff management.
 */
@customElement('admin-staff-page')
export class AdminStaffPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      form {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 2fr);
        gap: 0 12px;
      }
      form .actions {
        grid-column: 1 / -1;
      }
      @media (max-width: 720px) {
        form {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .sub {
        display: block;
        color: var(--shop-muted);
        font-size: 0.875rem;
      }
    `,
  ];

  @consume({ context: adminSessionContext, subscribe: true })
  private me?: Staff;

  @query('admin-confirm-dialog') private confirmDialog?: AdminConfirmDialog;
  @query('#new-email') private emailInput?: HTMLInputElement;
  @state() private staff?: StaffMember[];
  @state() private error = '';
  @state() private formError = '';
  @state() private message = '';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.staff = (await adminApi<{ staff: StaffMember[] }>('staff')).staff;
    } catch (error) {
      this.error = error instanceof AdminApiError ? error.message : 'Das Personal konnte nicht geladen werden.';
    }
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const email = value('email').trim();
    this.busy = true;
    this.formError = '';
    this.message = '';
    try {
      await adminApi('staff', { method: 'POST', body: { email, role: value('role'), password: value('password') } });
      form.reset();
      // The list first, then the notice: the notice never speaks of a list that does not show it yet.
      await this.load();
      this.message = `${email} hat jetzt Zugang zur Verwaltung.`;
      this.emailInput?.focus();
    } catch (error) {
      if (error instanceof AdminApiError && error.code === 'exists') {
        this.formError = 'Diese E-Mail-Adresse hat bereits Zugang.';
      } else if (error instanceof AdminApiError && error.issues.length > 0) {
        this.formError = error.issues.map((i) => i.message).join(' ');
      } else {
        this.formError = error instanceof AdminApiError ? error.message : 'Das hat nicht geklappt.';
      }
    } finally {
      this.busy = false;
    }
  }

  private async removeMember(member: StaffMember): Promise<void> {
    if (this.busy) return;
    const sure = await this.confirmDialog?.ask(
      'Zugang entfernen?',
      `${member.email} kann sich danach nicht mehr anmelden; laufende Sitzungen enden.`,
      'Zugang entfernen',
    );
    if (!sure) return;
    this.busy = true;
    this.error = '';
    this.message = '';
    try {
      await adminApi(`staff/${encodeURIComponent(member.id)}`, { method: 'DELETE' });
      await this.load();
      this.message = `Der Zugang von ${member.email} ist entfernt.`;
    } catch (error) {
      this.error =
        error instanceof AdminApiError && error.code === 'last-owner'
          ? 'Der letzte Inhaber-Zugang kann nicht entfernt werden.'
          : error instanceof AdminApiError
            ? error.message
            : 'Das hat nicht geklappt.';
    } finally {
      this.busy = false;
    }
  }

  private renderList() {
    if (!this.staff) return html`<p role="status">Personal wird geladen …</p>`;
    return html`<table>
      <caption class="visually-hidden">
        Personal mit Zugang
      </caption>
      <thead>
        <tr>
          <th scope="col">E-Mail-Adresse</th>
          <th scope="col">Rolle</th>
          <th scope="col"><span class="visually-hidden">Aktion</span></th>
        </tr>
      </thead>
      <tbody>
        ${this.staff.map(
          (m) =>
            html`<tr>
              <td>
                ${m.email}
                <span class="sub"
                  >seit ${formatDate(m.createdAt)} · ${m.passkeys} Passkey${m.passkeys === 1 ? '' : 's'}</span
                >
              </td>
              <td>${ROLE_LABELS[m.role]}</td>
              <td>
                ${
                  m.id === this.me?.id
                    ? html`<span class="muted">Sie</span>`
                    : html`<button class="button secondary" ?disabled=${this.busy} @click=${() => this.removeMember(m)}>
                        Entfernen<span class="visually-hidden">: ${m.email}</span>
                      </button>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    return html`<section class="page">
      <h1 tabindex="-1">Personal</h1>
      <div role="status">${this.message ? html`<p class="success">${this.message}</p>` : nothing}</div>
      ${errorAlert(this.error)}
      <div class="card">${this.renderList()}</div>
      <form class="card" @submit=${this.add} aria-labelledby="add" novalidate>
        <h2 id="add" style="grid-column: 1 / -1">Zugang hinzufügen</h2>
        <div class="field">
          <label for="new-email">E-Mail-Adresse</label>
          <input id="new-email" name="email" type="email" autocomplete="off" required maxlength="254" />
        </div>
        <div class="field">
          <label for="new-role">Rolle</label>
          <select id="new-role" name="role">
            <option value="staff">${ROLE_LABELS.staff}</option>
            <option value="owner">${ROLE_LABELS.owner}</option>
          </select>
        </div>
        <div class="field">
          <label for="new-password">Erstes Passwort</label>
          <input
            id="new-password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minlength="12"
            aria-describedby="password-hint"
          />
          <p class="hint" id="password-hint">Mindestens 12 Zeichen, kein gängiges Passwort.</p>
        </div>
        ${this.formError ? html`<p class="error" role="alert" style="grid-column: 1 / -1">${this.formError}</p>` : nothing}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>Zugang hinzufügen</button>
        </div>
      </form>
      <admin-confirm-dialog></admin-confirm-dialog>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-staff-page': AdminStaffPage;
  }
}
