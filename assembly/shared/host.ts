// What every Laden module may ask of its host. The loader in src/wasm/loader.ts supplies it.

@external('laden', 'log')
declare function hostLog(message: string): void;

/** Writes a line to the host's console (the browser console, or stderr-like logging in Node). */
export function log(message: string): void {
  hostLog(message);
}
