import { formatEuro } from '../domain/money.js';
import type { Coupon, Promotion } from '../domain/promotions.js';
import type { CouponStatus } from '../domain/quote.js';
import { lazyFormat } from '../domain/lazy-format.js';

const day = lazyFormat(
  () =>
    new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' }),
);

/** What the shopper reads under the coupon field: in words, why a code did (not) apply. */
export function couponMessage(
  code: string,
  status: CouponStatus,
  coupon: Coupon | undefined,
  promotion: Promotion | undefined,
  window: { from: number; until: number },
  subtotal: number,
): string {
  switch (status) {
    case 'applied':
      return `Gutschein ${code} eingelöst: ${promotion?.label ?? ''}`.trim();
    case 'unknown':
      return `Den Gutscheincode „${code}“ gibt es nicht. Bitte die Schreibweise prüfen.`;
    case 'expired':
      return `Der Gutschein ${code} ist am ${day().format(window.until)} abgelaufen.`;
    case 'not-yet-valid':
      return `Der Gutschein ${code} gilt erst ab dem ${day().format(window.from)}.`;
    case 'minimum-not-reached': {
      const minimum = coupon?.minimumOrder ?? 0;
      return `Der Gutschein ${code} gilt ab ${formatEuro(minimum)} Warenwert – es fehlen noch ${formatEuro(minimum - subtotal)}.`;
    }
    case 'not-combinable':
      return `Der Gutschein ${code} lässt sich nicht mit Ihren anderen Gutscheinen oder Aktionen kombinieren.`;
  }
}
