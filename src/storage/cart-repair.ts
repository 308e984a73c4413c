import {
  MAX_COUPONS,
  MAX_QUANTITY,
  SHIPPING_METHODS,
  emptyCart,
  lineKey,
  type Cart,
  type CartLine,
  type ShippingMethod,
} from '../domain/cart.js';
import { ID_PATTERN } from '../domain/catalog.js';

export interface Repaired {
  cart: Cart;
  /** What was wrong, in words for the shopper; empty when the record was sound. */
  problems: string[];
}

const MAX_LINES = 500;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A usable line (`fixed` when its quantity had to change), or undefined when beyond repair. */
function repairLine(raw: unknown): { line: CartLine; fixed: boolean } | undefined {
  if (!isRecord(raw)) return undefined;
  const { productId, variantId, quantity } = raw;
  if (typeof productId !== 'string' || !ID_PATTERN.test(productId)) return undefined;
  if (variantId !== undefined && (typeof variantId !== 'string' || !ID_PATTERN.test(variantId))) return undefined;
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity < 1) return undefined;
  const q = Math.min(MAX_QUANTITY, Math.trunc(quantity));
  const line: CartLine = variantId === undefined ? { productId, quantity: q } : { productId, variantId, quantity: q };
  return { line, fixed: q !== quantity };
}

/**
 * Makes a stored cart safe to use, whatever is in the record: hand-edited, written by an older
 * version or half-understood. Bad lines are dropped, odd quantities clamped, duplicate lines merged;
 * it never throws. Products the catalog no longer has are dropped later (`withoutUnknownProducts`).
 */
export function repairCart(raw: unknown): Repaired {
  if (!isRecord(raw)) {
    return raw === undefined
      ? { cart: emptyCart(), problems: [] }
      : { cart: emptyCart(), problems: ['Der gespeicherte Warenkorb war beschädigt und wurde geleert.'] };
  }
  const problems: string[] = [];
  const rawLines = Array.isArray(raw['lines']) ? raw['lines'] : [];
  if (!Array.isArray(raw['lines']))
    problems.push('Die Artikel im gespeicherten Warenkorb waren unlesbar und wurden entfernt.');

  const byKey = new Map<string, CartLine>();
  let dropped = 0;
  let fixed = 0;
  for (const entry of rawLines.slice(0, MAX_LINES)) {
    const result = repairLine(entry);
    if (!result) {
      dropped++;
      continue;
    }
    const { line } = result;
    if (result.fixed) fixed++;
    const key = lineKey(line);
    const same = byKey.get(key);
    byKey.set(key, same ? { ...same, quantity: Math.min(MAX_QUANTITY, same.quantity + line.quantity) } : line);
  }
  dropped += Math.max(0, rawLines.length - MAX_LINES);
  if (dropped > 0) {
    problems.push(
      dropped === 1
        ? 'Eine beschädigte Position im Warenkorb wurde entfernt.'
        : `${dropped} beschädigte Positionen im Warenkorb wurden entfernt.`,
    );
  }
  if (fixed > 0) problems.push('Ungültige Mengen im Warenkorb wurden korrigiert.');

  const coupons = Array.isArray(raw['coupons'])
    ? [...new Set(raw['coupons'].filter((c): c is string => typeof c === 'string').map((c) => c.trim()))]
        .filter((c) => c.length > 0 && c.length <= 40)
        .slice(0, MAX_COUPONS)
    : [];
  const shipping = SHIPPING_METHODS.includes(raw['shipping'] as ShippingMethod)
    ? (raw['shipping'] as ShippingMethod)
    : 'standard';
  return { cart: { lines: [...byKey.values()], coupons, shipping }, problems };
}

/** Which products and variants exist; answered by the loaded catalog. */
export interface ProductLookup {
  product(id: string): { variants?: { id: string }[] } | undefined;
}

/** Drops lines for products (or variants) the catalog does not have (any more). */
export function withoutUnknownProducts(cart: Cart, catalog: ProductLookup): Repaired {
  const lines = cart.lines.filter((line) => {
    const product = catalog.product(line.productId);
    if (!product) return false;
    const variants = product.variants ?? [];
    if (variants.length === 0) return line.variantId === undefined;
    return variants.some((v) => v.id === line.variantId);
  });
  const gone = cart.lines.length - lines.length;
  if (gone === 0) return { cart, problems: [] };
  return {
    cart: { ...cart, lines },
    problems: [
      gone === 1
        ? 'Ein Artikel aus Ihrem Warenkorb ist nicht mehr im Sortiment und wurde entfernt.'
        : `${gone} Artikel aus Ihrem Warenkorb sind nicht mehr im Sortiment und wurden entfernt.`,
    ],
  };
}
