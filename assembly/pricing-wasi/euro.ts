// Money as the shop writes it (Intl.NumberFormat de-DE, EUR): "1.234,56 €", a no-break space
// before the sign. Cents are integers; no floating point on the way to text.

export function formatEuro(cents: i64): string {
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const whole = (abs / 100).toString();
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 == 0) grouped += '.';
    grouped += whole.charAt(i);
  }
  const fraction = abs % 100;
  return `${negative ? '-' : ''}${grouped},${fraction < 10 ? '0' : ''}${fraction}\u00a0€`;
}
