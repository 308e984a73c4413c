import type { Random } from './random.js';
import type { AttributeValues, NumberRange } from './vocabulary/types.js';

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** A value from a list, or a number from a range printed the German way: "1,2 kg". */
export function pickAttribute(random: Random, values: AttributeValues): string {
  if (isRange(values)) {
    const steps = Math.round((values.max - values.min) / values.step);
    const value = values.min + random.int(0, steps) * values.step;
    return `${decimal.format(Number(value.toFixed(4)))} ${values.unit}`;
  }
  return random.pick(values);
}

function isRange(values: AttributeValues): values is NumberRange {
  return !Array.isArray(values);
}

/**
 * Fills `{Name}` placeholders from `words`. Returns undefined when a placeholder has no value, so a
 * sentence about "Volumen" is simply left out for a product that has no volume.
 */
export function fill(template: string, words: Readonly<Record<string, string>>): string | undefined {
  let missing = false;
  const text = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = words[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

/** Closing sentences any product can end with. */
export const CLOSING_SENTENCES = [
  'Versand innerhalb von ein bis zwei Werktagen aus unserem Lager in Hamburg.',
  'Gefällt es Ihnen doch nicht, nehmen wir es innerhalb von 30 Tagen zurück.',
  'Ein Produkt von {brand}, mit Sorgfalt ausgewählt.',
  'Viele unserer Kundinnen und Kunden bestellen es gleich ein zweites Mal.',
  'Verpackt wird plastikfrei in recyceltem Karton.',
  'Bei Fragen hilft unser Kundenservice gerne weiter.',
  '{brand} steht seit Jahren für ehrliche Qualität.',
];
