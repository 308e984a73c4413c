/**
 * Tells every tab and the service worker that an order in the outbox changed, so order pages
 * re-read it. Like the cart's channel, nothing but "look again" travels.
 */
const CHANNEL_NAME = 'laden-outbox';
const local = new EventTarget();
let channel: BroadcastChannel | undefined;

function open(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = () => local.dispatchEvent(new Event('change'));
  }
  return channel;
}

export function announceOutboxChanged(): void {
  open()?.postMessage('changed');
  // BroadcastChannel skips its own sender: this context's listeners hear it directly.
  local.dispatchEvent(new Event('change'));
}

/** Calls `listener` whenever an order changed here or in another tab; returns the unsubscribe. */
export function watchOutbox(listener: () => void): () => void {
  open();
  local.addEventListener('change', listener);
  return () => local.removeEventListener('change', listener);
}
