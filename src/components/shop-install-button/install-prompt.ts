/** Chromium's install prompt event; not in TypeScript's DOM library. */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

let deferred: BeforeInstallPromptEvent | undefined;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

// Captured as soon as this module runs: the browser may fire the event before the button renders.
if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's own mini-infobar away; the shop offers installing in its header instead.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    changed();
  });
  window.addEventListener('appinstalled', () => {
    deferred = undefined;
    changed();
  });
}

/** The prompt the browser offered, if installing is possible right now. */
export const installPrompt = (): BeforeInstallPromptEvent | undefined => deferred;

/** A prompt can be shown once; afterwards installing is no longer offered until the browser says so again. */
export function promptUsed(): void {
  deferred = undefined;
  changed();
}

export function onInstallPromptChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
