import type { Browser, BrowserContext } from 'playwright-core';

/**
 * Uncaught errors of every page of every watched browser context, since the last `takePageErrors()`.
 * A listener that throws inside Playwright's event emitter does not fail the test that caused it,
 * so the errors are collected here and each test asserts at its end that there were none
 * (tests/e2e/support/page-errors.setup.ts).
 */
const errors: string[] = [];

export function watchContext(context: BrowserContext): BrowserContext {
  context.on('weberror', (webError) => {
    const error = webError.error();
    errors.push(`${webError.page()?.url() ?? 'a page'}: ${error.stack ?? error.message}`);
  });
  return context;
}

/** Every context the browser makes from now on (`newContext`, and `newPage` through it) is watched. */
export function watchBrowser(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchContext(await newContext(options));
  return browser;
}

export function takePageErrors(): string[] {
  return errors.splice(0);
}
