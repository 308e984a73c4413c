/**
 * Tells the other tabs of this origin that the cart was saved. Only the revision travels: each tab
 * re-reads the committed record, so a message can never carry a cart that IndexedDB does not have.
 */
const CHANNEL_NAME = 'laden-cart';

interface CartSaved {
  type: 'cart-saved';
  revision: number;
}

const isCartSaved = (data: unknown): data is CartSaved =>
  typeof data === 'object' &&
  data !== null &&
  (data as Partial<CartSaved>).type === 'cart-saved' &&
  typeof (data as Partial<CartSaved>).revision === 'number';

let channel: BroadcastChannel | undefined;
const listeners = new Set<(revision: number) => void>();

function open(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isCartSaved(event.data)) for (const listener of listeners) listener(event.data.revision);
    };
  }
  return channel;
}

export function announceCartSaved(revision: number): void {
  open()?.postMessage({ type: 'cart-saved', revision } satisfies CartSaved);
}

/** Calls `listener` when another tab saved the cart; returns the unsubscribe function. */
export function onCartSavedElsewhere(listener: (revision: number) => void): () => void {
  open();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) closeCartSync();
  };
}

/** Releases the channel (the last listener left, or a test ends). */
export function closeCartSync(): void {
  channel?.close();
  channel = undefined;
}
