import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AddressChangeEvent } from '../../events/address-change.js';
import { sharedStyles } from '../../styles/shared.js';
import { emptyDetails, type CheckoutDetails, type FieldErrors } from '../../domain/checkout-fields.js';
import { checkoutRules, type CheckoutRules } from '../../services/checkout-rules.js';
import { addressFormStyles } from './shop-address-form.styles.js';

interface FieldSpec {
  name: string;
  label: string;
  autocomplete: string;
  type?: string;
  inputmode?: string;
  width?: 'half' | 'short' | 'long';
  optional?: boolean;
  maxlength?: number;
}

const CONTACT: FieldSpec[] = [
  { name: 'contact.email', label: 'E-Mail-Adresse', autocomplete: 'email', type: 'email', width: 'half' },
  { name: 'contact.phone', label: 'Telefon', autocomplete: 'tel', type: 'tel', width: 'half', optional: true },
];

const ADDRESS: FieldSpec[] = [
  { name: 'address.firstName', label: 'Vorname', autocomplete: 'shipping given-name', width: 'half' },
  { name: 'address.lastName', label: 'Nachname', autocomplete: 'shipping family-name', width: 'half' },
  { name: 'address.street', label: 'Straße und Hausnummer', autocomplete: 'shipping address-line1' },
  { name: 'address.extra', label: 'Adresszusatz', autocomplete: 'shipping address-line2', optional: true },
  {
    name: 'address.postalCode',
    label: 'PLZ',
    autocomplete: 'shipping postal-code',
    inputmode: 'numeric',
    width: 'short',
    maxlength: 5,
  },
  { name: 'address.city', label: 'Ort', autocomplete: 'shipping address-level2', width: 'long' },
];

function read(details: CheckoutDetails, name: string): string {
  const [group, field] = name.split('.') as ['contact' | 'address', string];
  return String((details[group] as Record<string, unknown>)[field] ?? '');
}

function write(details: CheckoutDetails, name: string, value: string): CheckoutDetails {
  const [group, field] = name.split('.') as ['contact' | 'address', string];
  return { ...details, [group]: { ...details[group], [field]: value } };
}

/**
 * Contact and German shipping address. Each field says what is wrong right beside it once the shopper
 * pressed continue, with the same rules the server applies; browsers can fill it in from the
 * autocomplete tokens.
 *
 * @summary Contact and shipping address fields.
 * @fires shop-address-change - On every edit, with the details as they now are.
 */
@customElement('shop-address-form')
export class ShopAddressForm extends LitElement {
  static override styles = [sharedStyles, addressFormStyles];

  /**
   * Fields whose messages show: all of them once the shopper pressed continue, then live while they
   * type. Not on blur: a message appearing as focus leaves moves the button the shopper is clicking.
   */
  @state() private touched = new Set<string>();

  @property({ attribute: false }) value: CheckoutDetails = emptyDetails();

  /** The rules the messages come from, once loaded (messages show only after continue anyway). */
  @state() private rules?: CheckoutRules;

  override connectedCallback(): void {
    super.connectedCallback();
    checkoutRules().then(
      (rules) => (this.rules = rules),
      (error: unknown) => console.warn('shop-address-form: the checkout rules are not loaded yet', error),
    );
  }

  private onInput(name: string, event: Event): void {
    this.value = write(this.value, name, (event.target as HTMLInputElement).value);
    this.dispatchEvent(new AddressChangeEvent(this.value));
  }

  /**
   * Shows every message and focuses the first wrong field; true when the details can be used.
   * Rejects when the rules cannot be loaded (offline before the app was stored on the device).
   */
  async validate(): Promise<boolean> {
    this.rules = await checkoutRules();
    const errors = this.rules.validateDetails(this.value);
    this.touched = new Set([...CONTACT, ...ADDRESS].map((f) => f.name));
    const first = [...CONTACT, ...ADDRESS].find((f) => errors[f.name]);
    if (first) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>(`[name="${first.name}"]`)?.focus(),
      );
    }
    return !first;
  }

  private renderField(spec: FieldSpec, errors: FieldErrors) {
    const id = spec.name.replace('.', '-');
    const message = this.touched.has(spec.name) ? (errors[spec.name] ?? '') : '';
    return html`<div class="field ${spec.width ?? ''}">
      <label for=${id}>${spec.label}${spec.optional ? html` <span class="optional">(optional)</span>` : ''}</label>
      <input
        id=${id}
        name=${spec.name}
        type=${spec.type ?? 'text'}
        autocomplete=${spec.autocomplete}
        inputmode=${spec.inputmode ?? (spec.type === 'email' ? 'email' : spec.type === 'tel' ? 'tel' : 'text')}
        maxlength=${spec.maxlength ?? 100}
        ?required=${!spec.optional}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${`${id}-message`}
        .value=${read(this.value, spec.name)}
        @input=${(e: Event) => this.onInput(spec.name, e)}
      />
      <p class="message" id=${`${id}-message`} aria-live="polite">${message}</p>
    </div>`;
  }

  override render() {
    const errors = this.rules?.validateDetails(this.value) ?? {};
    return html`<fieldset>
        <legend>Kontakt</legend>
        ${CONTACT.map((f) => this.renderField(f, errors))}
      </fieldset>
      <fieldset>
        <legend>Lieferadresse</legend>
        ${ADDRESS.map((f) => this.renderField(f, errors))}
        <div class="field">
          <span>Land</span>
          <span>Deutschland <span class="optional">(wir liefern nur innerhalb Deutschlands)</span></span>
        </div>
      </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-address-form': ShopAddressForm;
  }
}
