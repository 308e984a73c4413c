import { lazyFormat } from './lazy-format.js';

const euro = lazyFormat(() => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }));

/** 129900 -> "1.299,00 €". Money is cents everywhere; this is the only place it becomes text. */
export const formatEuro = (cents: number): string => euro().format(cents / 100);
