interface Scheduler {
  yield(): Promise<void>;
}

/**
 * Resolves in a later task of the event loop, so the browser can paint and answer input in between:
 * `scheduler.yield()` where there is one (it keeps the caller's priority), else a zero timeout.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
