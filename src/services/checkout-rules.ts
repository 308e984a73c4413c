/**
 * The checkout's rules: the same zod schemas the server checks an order with, so a message at the
 * checkout is the one the server would give. zod is most of the checkout's code, and the form shows
 * no message before the shopper presses continue: the rules load beside the page's first view.
 */
export type CheckoutRules = typeof import('../domain/checkout-details.js');

let rules: Promise<CheckoutRules> | undefined;

export function checkoutRules(): Promise<CheckoutRules> {
  rules ??= import('../domain/checkout-details.js').catch((error: unknown) => {
    // Asked again next time (e.g. once the connection is back).
    rules = undefined;
    throw error;
  });
  return rules;
}
