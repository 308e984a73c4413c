import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../vitest.config.js';
import { watchBrowser, watchContext } from './page-errors.js';

export const launchOptions: LaunchOptions = { executablePath: chromiumPath, args: chromiumArgs, headless: true };

/** Debian's Chromium, driven by playwright-core (never a downloaded browser). */
export async function launchBrowser(): Promise<Browser> {
  return watchBrowser(await chromium.launch(launchOptions));
}

/** A browser profile kept on disk, for the tests that close and reopen "the same browser". */
export async function launchProfile(userDataDir: string): Promise<BrowserContext> {
  return watchContext(await chromium.launchPersistentContext(userDataDir, launchOptions));
}

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;
